package io.mosnet.runtime.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds one request: the fixed family header (ifinfomsg, ifaddrmsg, ...) followed by attributes, nested ones
 * included. The nlmsghdr is added by {@link #toMessage(int)} so that the socket can stamp the sequence number.
 */
final class MessageWriter {

    private final int type;
    private final int flags;
    private byte[] buf = new byte[256];
    private int size;
    private final Deque<Integer> nests = new ArrayDeque<>();

    MessageWriter(int type, int flags) {
        this.type = type;
        this.flags = flags;
    }

    int type() {
        return type;
    }

    MessageWriter header(byte[] fixed) {
        put(fixed);
        pad();
        return this;
    }

    MessageWriter attr(int attrType, byte[] value) {
        ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        h.putShort((short) (4 + value.length)).putShort((short) attrType);
        put(h.array());
        put(value);
        pad();
        return this;
    }

    MessageWriter u32(int attrType, long value) {
        return attr(attrType, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) value).array());
    }

    MessageWriter u16(int attrType, int value) {
        return attr(attrType, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) value).array());
    }

    MessageWriter u8(int attrType, int value) {
        return attr(attrType, new byte[] {(byte) value});
    }

    /** A NUL-terminated string, as the kernel's NLA_STRING/NLA_NUL_STRING policies accept. */
    MessageWriter string(int attrType, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        return attr(attrType, Arrays.copyOf(s, s.length + 1));
    }

    MessageWriter address(int attrType, InetAddress address) {
        return attr(attrType, address.getAddress());
    }

    /** Opens a nested attribute; close it with {@link #endNest()}. */
    MessageWriter beginNest(int attrType) {
        nests.push(size);
        ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        h.putShort((short) 0).putShort((short) attrType);
        put(h.array());
        return this;
    }

    MessageWriter endNest() {
        int start = nests.pop();
        ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder()).putShort(start, (short) (size - start));
        return this;
    }

    byte[] payload() {
        if (!nests.isEmpty()) {
            throw new IllegalStateException(nests.size() + " nested attribute(s) not closed");
        }
        return Arrays.copyOf(buf, size);
    }

    NetlinkMessage toMessage(int sequence) {
        return new NetlinkMessage(type, flags, sequence, 0, payload());
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void pad() {
        int aligned = NetlinkMessage.align(size);
        ensure(aligned - size);
        size = aligned;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
