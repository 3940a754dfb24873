package io.mosnet.rdnss;

/** Unsigned reads in network byte order; callers have checked the bounds. */
final class WireBytes {

    private WireBytes() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    static long u32(byte[] b, int at) {
        return ((long) u8(b, at) << 24) | (u8(b, at + 1) << 16) | (u8(b, at + 2) << 8) | u8(b, at + 3);
    }
}
