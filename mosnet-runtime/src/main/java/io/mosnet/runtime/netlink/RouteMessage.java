package io.mosnet.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@code struct rtmsg} (12 bytes) that heads RTM_*ROUTE messages. */
record RouteMessage(int family, int destinationLength, int sourceLength, int tos, int table, int protocol, int scope,
                    int type, int flags) {

    static final int LENGTH = 12;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).order(ByteOrder.nativeOrder()).put((byte) family)
                .put((byte) destinationLength).put((byte) sourceLength).put((byte) tos).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags).array();
    }

    static RouteMessage decode(byte[] payload) {
        if (payload.length < LENGTH) {
            throw new MalformedMessageException("rtmsg needs " + LENGTH + " bytes, got " + payload.length);
        }
        ByteBuffer b = NetlinkMessage.wrap(payload);
        return new RouteMessage(b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff,
                b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.getInt());
    }
}
