package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses from and to wire bytes without any name lookup. */
public final class Ipv4 {

    public static final Inet4Address ANY = of(0);
    public static final Inet4Address BROADCAST = of(0xffff_ffff);

    private Ipv4() {
    }

    public static Inet4Address read(byte[] data, int offset) {
        if (offset < 0 || offset + 4 > data.length) {
            throw new DhcpParseException("IPv4 address at offset " + offset + " runs past the end (" + data.length
                    + " bytes)");
        }
        byte[] b = new byte[4];
        System.arraycopy(data, offset, b, 0, 4);
        return of(b);
    }

    public static Inet4Address of(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, got " + four.length, e);
        }
    }

    public static Inet4Address of(int bits) {
        return of(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
    }

    public static int bits(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    public static boolean isAny(Inet4Address a) {
        return bits(a) == 0;
    }

    /** Whether a server may hand this out as a host address: not 0/8, loopback, multicast, class E or broadcast. */
    public static boolean isUsableHost(Inet4Address a) {
        int first = bits(a) >>> 24;
        return first != 0 && first != 127 && first < 224;
    }
}
