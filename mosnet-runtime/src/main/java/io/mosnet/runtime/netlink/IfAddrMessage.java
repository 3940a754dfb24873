package io.mosnet.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@code struct ifaddrmsg} (8 bytes) that heads RTM_*ADDR messages. */
record IfAddrMessage(int family, int prefixLength, int flags, int scope, int index) {

    static final int LENGTH = 8;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).order(ByteOrder.nativeOrder()).put((byte) family).put((byte) prefixLength)
                .put((byte) flags).put((byte) scope).putInt(index).array();
    }

    static IfAddrMessage decode(byte[] payload) {
        if (payload.length < LENGTH) {
            throw new MalformedMessageException("ifaddrmsg needs " + LENGTH + " bytes, got " + payload.length);
        }
        ByteBuffer b = NetlinkMessage.wrap(payload);
        return new IfAddrMessage(b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.getInt());
    }
}
