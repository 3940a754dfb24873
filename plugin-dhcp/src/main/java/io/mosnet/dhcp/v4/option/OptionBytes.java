package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

/** Bounds-checked helpers shared by the option codecs; every check fails with {@link DhcpParseException}. */
public final class OptionBytes {

    private OptionBytes() {
    }

    public static void requireLength(int code, String name, byte[] data, int expected) {
        if (data.length != expected) {
            throw new DhcpParseException(
                    "option " + code + " (" + name + "): length " + data.length + ", expected " + expected);
        }
    }

    /** A list of IPv4 addresses: at least one, a multiple of four bytes (RFC 2132 sections 3.5, 3.8). */
    public static List<Inet4Address> addressList(int code, String name, byte[] data) {
        if (data.length == 0 || data.length % 4 != 0) {
            throw new DhcpParseException("option " + code + " (" + name + "): length " + data.length
                    + " is not a non-zero multiple of 4");
        }
        List<Inet4Address> out = new ArrayList<>(data.length / 4);
        for (int i = 0; i < data.length; i += 4) {
            out.add(Ipv4.read(data, i));
        }
        return List.copyOf(out);
    }

    public static byte[] encodeAddresses(List<Inet4Address> addresses) {
        byte[] out = new byte[addresses.size() * 4];
        for (int i = 0; i < addresses.size(); i++) {
            System.arraycopy(addresses.get(i).getAddress(), 0, out, 4 * i, 4);
        }
        return out;
    }

    public static long uint32(byte[] data, int offset) {
        return ((data[offset] & 0xffL) << 24) | ((data[offset + 1] & 0xffL) << 16)
                | ((data[offset + 2] & 0xffL) << 8) | (data[offset + 3] & 0xffL);
    }

    public static byte[] encodeUint32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
