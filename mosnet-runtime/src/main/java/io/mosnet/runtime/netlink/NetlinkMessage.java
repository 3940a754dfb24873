package io.mosnet.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message: the 16-byte {@code struct nlmsghdr} and its payload. Netlink uses host byte order, so the
 * codec uses {@link ByteOrder#nativeOrder()} throughout.
 *
 * @param type     nlmsg_type
 * @param flags    nlmsg_flags
 * @param sequence nlmsg_seq
 * @param portId   nlmsg_pid (0 for messages from the kernel)
 * @param payload  what follows the header, without trailing alignment padding
 */
record NetlinkMessage(int type, int flags, int sequence, int portId, byte[] payload) {

    static final int HEADER_LENGTH = 16;

    static int align(int length) {
        return (length + 3) & ~3;
    }

    static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(align(HEADER_LENGTH + payload.length)).order(ByteOrder.nativeOrder());
        b.putInt(HEADER_LENGTH + payload.length).putShort((short) type).putShort((short) flags)
                .putInt(sequence).putInt(portId).put(payload);
        return b.array();
    }

    boolean multipart() {
        return (flags & Rtnl.NLM_F_MULTI) != 0;
    }

    /** Splits a datagram received from a netlink socket into its messages. */
    static List<NetlinkMessage> decodeAll(byte[] datagram, int length) {
        if (length > datagram.length) {
            throw new MalformedMessageException("datagram length " + length + " exceeds buffer of " + datagram.length);
        }
        List<NetlinkMessage> out = new ArrayList<>();
        int off = 0;
        while (length - off >= HEADER_LENGTH) {
            ByteBuffer b = wrap(datagram);
            b.position(off);
            int len = b.getInt();
            int type = b.getShort() & 0xffff;
            int flags = b.getShort() & 0xffff;
            int seq = b.getInt();
            int pid = b.getInt();
            if (len < HEADER_LENGTH || len > length - off) {
                throw new MalformedMessageException("nlmsg_len " + len + " at offset " + off
                        + " does not fit the " + length + "-byte datagram");
            }
            byte[] payload = new byte[len - HEADER_LENGTH];
            System.arraycopy(datagram, off + HEADER_LENGTH, payload, 0, payload.length);
            out.add(new NetlinkMessage(type, flags, seq, pid, payload));
            off += align(len);
        }
        if (off < length) {
            throw new MalformedMessageException((length - off) + " trailing bytes after the last netlink message");
        }
        return out;
    }

    static List<NetlinkMessage> decodeAll(byte[] datagram) {
        return decodeAll(datagram, datagram.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetlinkMessage m && m.type == type && m.flags == flags && m.sequence == sequence
                && m.portId == portId && java.util.Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, flags, sequence, portId, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return Rtnl.typeName(type) + " flags=0x" + Integer.toHexString(flags) + " seq=" + sequence + " len="
                + payload.length;
    }
}
