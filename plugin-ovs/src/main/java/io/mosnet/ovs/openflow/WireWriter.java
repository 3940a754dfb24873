package io.mosnet.ovs.openflow;

import java.io.ByteArrayOutputStream;

/** Big-endian writer for OpenFlow structures, with the 8-byte padding the spec asks for. */
final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    WireWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    WireWriter u32(long v) {
        for (int i = 3; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    WireWriter u64(long v) {
        for (int i = 7; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    WireWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    WireWriter zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    /** Pads with zeros to the next multiple of 8 bytes. */
    WireWriter padTo8() {
        return zeros((8 - out.size() % 8) % 8);
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
