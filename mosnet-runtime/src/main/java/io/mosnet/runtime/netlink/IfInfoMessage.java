package io.mosnet.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@code struct ifinfomsg} (16 bytes) that heads RTM_*LINK messages. */
record IfInfoMessage(int family, int deviceType, int index, int flags, int change) {

    static final int LENGTH = 16;

    static IfInfoMessage of(int index) {
        return new IfInfoMessage(Rtnl.AF_UNSPEC, 0, index, 0, 0);
    }

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).order(ByteOrder.nativeOrder()).put((byte) family).put((byte) 0)
                .putShort((short) deviceType).putInt(index).putInt(flags).putInt(change).array();
    }

    static IfInfoMessage decode(byte[] payload) {
        if (payload.length < LENGTH) {
            throw new MalformedMessageException("ifinfomsg needs " + LENGTH + " bytes, got " + payload.length);
        }
        ByteBuffer b = NetlinkMessage.wrap(payload);
        int family = b.get() & 0xff;
        b.get();
        return new IfInfoMessage(family, b.getShort() & 0xffff, b.getInt(), b.getInt(), b.getInt());
    }
}
