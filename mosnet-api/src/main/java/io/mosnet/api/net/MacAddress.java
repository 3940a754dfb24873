package io.mosnet.api.net;

import java.util.HexFormat;
import java.util.Locale;

/** A 48-bit Ethernet address, kept as the low 48 bits of a long so that the record is immutable and comparable. */
public record MacAddress(long bits) {

    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
    public static final MacAddress ZERO = new MacAddress(0);

    public MacAddress {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits, got " + Long.toHexString(bits));
        }
    }

    // Written out rather than generated: see Link.
    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && bits == m.bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, got " + bytes.length);
        }
        return of(bytes, 0);
    }

    public static MacAddress of(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return new MacAddress(v);
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (or with dashes); throws with the offending text otherwise. */
    public static MacAddress parse(String text) {
        String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2 || !HexFormat.isHexDigit(p.charAt(0)) || !HexFormat.isHexDigit(p.charAt(1))) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    public byte[] toBytes() {
        byte[] b = new byte[6];
        for (int i = 5; i >= 0; i--) {
            b[i] = (byte) (bits >>> (8 * (5 - i)));
        }
        return b;
    }

    public boolean isMulticast() {
        return ((bits >>> 40) & 1) == 1;
    }

    @Override
    public String toString() {
        byte[] b = toBytes();
        StringBuilder s = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                s.append(':');
            }
            s.append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return s.toString();
    }
}
