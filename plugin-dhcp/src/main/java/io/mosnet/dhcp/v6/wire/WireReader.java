package io.mosnet.dhcp.v6.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A bounded cursor over received bytes: every read checks that the bytes are there and throws
 * {@link Dhcp6ParseException} naming what was being read, so no decoder can index past its option.
 */
final class WireReader {

    private final byte[] data;
    private final String what;
    private int position;

    WireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    int remaining() {
        return data.length - position;
    }

    int position() {
        return position;
    }

    private void need(int n, String field) {
        if (remaining() < n) {
            throw new Dhcp6ParseException(what + ": " + field + " at offset " + position + " needs " + n
                    + " bytes, " + remaining() + " left");
        }
    }

    int u8(String field) {
        need(1, field);
        return data[position++] & 0xff;
    }

    int u16(String field) {
        need(2, field);
        int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return v;
    }

    long u32(String field) {
        need(4, field);
        long v = ((long) (data[position] & 0xff) << 24) | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8) | (data[position + 3] & 0xff);
        position += 4;
        return v;
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] b = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return b;
    }

    byte[] rest() {
        return bytes(remaining(), "rest");
    }

    Inet6Address ipv6(String field) {
        return toIpv6(bytes(16, field));
    }

    static Inet6Address toIpv6(byte[] sixteen) {
        try {
            // getByAddress would turn an IPv4-mapped address into an Inet4Address; this constructor never does.
            return Inet6Address.getByAddress(null, sixteen, -1);
        } catch (UnknownHostException e) {
            throw new Dhcp6ParseException("an IPv6 address has 16 bytes, got " + sixteen.length, e);
        }
    }

    static byte[] bytesOf(InetAddress a) {
        return a.getAddress();
    }
}
