package io.mosnet.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@code struct ndmsg} (12 bytes) that heads RTM_*NEIGH messages. */
record NeighbourMessage(int family, int index, int state, int flags, int type) {

    static final int LENGTH = 12;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).order(ByteOrder.nativeOrder()).put((byte) family).put((byte) 0)
                .putShort((short) 0).putInt(index).putShort((short) state).put((byte) flags).put((byte) type)
                .array();
    }

    static NeighbourMessage decode(byte[] payload) {
        if (payload.length < LENGTH) {
            throw new MalformedMessageException("ndmsg needs " + LENGTH + " bytes, got " + payload.length);
        }
        ByteBuffer b = NetlinkMessage.wrap(payload);
        int family = b.get() & 0xff;
        b.get();
        b.getShort();
        return new NeighbourMessage(family, b.getInt(), b.getShort() & 0xffff, b.get() & 0xff, b.get() & 0xff);
    }
}
