package io.mosnet.ovs.openflow;

/**
 * A bounds-checked big-endian cursor over received bytes. Every read past the end throws an
 * {@link OpenFlowException} naming what was being read, so a truncated or hostile message never surfaces as an
 * IndexOutOfBoundsException.
 */
final class WireReader {

    private final byte[] data;
    private final int end;
    private int pos;

    WireReader(byte[] data, int offset, int end) {
        if (offset < 0 || end > data.length || offset > end) {
            throw new OpenFlowException("bad region " + offset + ".." + end + " of a " + data.length + "-byte message");
        }
        this.data = data;
        this.pos = offset;
        this.end = end;
    }

    WireReader(byte[] data) {
        this(data, 0, data.length);
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private void need(int n, String what) {
        if (n < 0 || end - pos < n) {
            throw new OpenFlowException(what + " needs " + n + " bytes at offset " + pos + " but only "
                    + (end - pos) + " remain");
        }
    }

    int u8(String what) {
        need(1, what);
        return data[pos++] & 0xff;
    }

    int u16(String what) {
        need(2, what);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    long u32(String what) {
        need(4, what);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        pos += 4;
        return v;
    }

    long u64(String what) {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    byte[] bytes(int n, String what) {
        need(n, what);
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    /** A reader over the next {@code n} bytes; this one moves past them. */
    WireReader slice(int n, String what) {
        need(n, what);
        WireReader r = new WireReader(data, pos, pos + n);
        pos += n;
        return r;
    }
}
