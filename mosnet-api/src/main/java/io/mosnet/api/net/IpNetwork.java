package io.mosnet.api.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address with its prefix length, as an interface address or a route destination: {@code 10.0.0.5/24},
 * {@code 2001:db8::1/64}, {@code 0.0.0.0/0}.
 */
public record IpNetwork(InetAddress address, int prefixLength) {

    public IpNetwork {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException(
                    "prefix length " + prefixLength + " is out of range 0-" + max + " for " + address.getHostAddress());
        }
    }

    public static IpNetwork of(InetAddress address, int prefixLength) {
        return new IpNetwork(address, prefixLength);
    }

    /** Parses {@code addr/len}; a bare address gets the full length (/32 or /128). */
    public static IpNetwork parse(String text) {
        int slash = text.indexOf('/');
        InetAddress a = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return new IpNetwork(a, a instanceof Inet4Address ? 32 : 128);
        }
        String len = text.substring(slash + 1);
        try {
            return new IpNetwork(a, Integer.parseInt(len));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + len + "' is not a prefix length in '" + text + "'", e);
        }
    }

    public static IpNetwork defaultRoute(boolean ipv6) {
        return parse(ipv6 ? "::/0" : "0.0.0.0/0");
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    public int maxLength() {
        return isIpv6() ? 128 : 32;
    }

    /** The network address: host bits cleared. */
    public IpNetwork masked() {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return new IpNetwork(InetAddress.getByAddress(b), prefixLength);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code other} lies inside this network. */
    public boolean contains(InetAddress other) {
        if ((other instanceof Inet6Address) != isIpv6()) {
            return false;
        }
        return new IpNetwork(other, prefixLength).masked().equals(masked());
    }

    // Written out rather than generated: the generated ones bootstrap through ObjectMethods on first use, about
    // ten milliseconds that applying the first lease would wait for.
    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork n && prefixLength == n.prefixLength && address.equals(n.address);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + prefixLength;
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }
}
