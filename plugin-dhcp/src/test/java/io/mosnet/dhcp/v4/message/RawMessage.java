package io.mosnet.dhcp.v4.message;

import java.nio.ByteBuffer;

/** Hand-built message bytes for tests of hostile input: a BOOTREPLY header and the given raw options. */
final class RawMessage {

    static final int XID = 0x1234abcd;
    static final byte[] MAC = {0x52, 0x54, 0, 0x12, 0x34, 0x56};

    private RawMessage() {
    }

    static byte[] reply(int... options) {
        return reply(new byte[0], new byte[0], options);
    }

    /** With {@code file} and {@code sname} field contents (for option overload). */
    static byte[] reply(byte[] file, byte[] sname, int... options) {
        ByteBuffer b = ByteBuffer.allocate(DhcpMessage.OPTIONS_OFFSET + options.length);
        b.put((byte) 2).put((byte) 1).put((byte) 6).put((byte) 0).putInt(XID);
        b.position(16).put(new byte[] {10, 0, 0, 5});
        b.position(28).put(MAC);
        b.position(DhcpMessage.SNAME_OFFSET).put(sname);
        b.position(DhcpMessage.FILE_OFFSET).put(file);
        b.position(DhcpMessage.COOKIE_OFFSET).putInt(DhcpMessage.MAGIC_COOKIE);
        for (int o : options) {
            b.put((byte) o);
        }
        return b.array();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
