package io.mosnet.api.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parsing and formatting of IP literals without DNS: {@link InetAddress#getByName} would resolve names, which a
 * boot daemon must never do by accident.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** Parses an IPv4 or IPv6 literal; throws with the offending text otherwise. */
    public static InetAddress parse(String text) {
        InetAddress a = text.indexOf(':') >= 0 ? parse6(text) : parse4(text);
        if (a == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return a;
    }

    /** Parses a dotted-quad IPv4 literal; throws with the offending text otherwise. */
    public static Inet4Address parseIpv4(String text) {
        InetAddress a = parse4(text);
        if (a == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        }
        return (Inet4Address) a;
    }

    /** Parses an IPv6 literal (with an optional %scope); throws with the offending text otherwise. */
    public static Inet6Address parseIpv6(String text) {
        InetAddress a = parse6(text);
        if (a == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        }
        return (Inet6Address) a;
    }

    private static InetAddress parse4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return of(b);
    }

    private static InetAddress parse6(String text) {
        String body = text;
        int pct = text.indexOf('%');
        if (pct >= 0) {
            body = text.substring(0, pct);
        }
        if (body.isEmpty() || !body.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            // Only hex digits, colons and dots remain, so this cannot trigger a name lookup.
            InetAddress a = InetAddress.getByName(text.startsWith("[") ? text : "[" + body + "]");
            if (a instanceof Inet6Address) {
                return a;
            }
            // ::ffff:a.b.c.d comes back as Inet4Address; keep it as a v4 literal only if the text was v4.
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public static InetAddress of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + bytes.length, e);
        }
    }

    /** Formats without the reverse lookup and the leading slash of {@link InetAddress#toString()}; IPv6 compressed. */
    public static String format(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // RFC 5952: compress the longest run of two or more zero words, the first one on a tie.
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(w[i]));
        }
        String scope = a instanceof Inet6Address v6 && v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "";
        return s + scope;
    }

    /** RFC 1918 private IPv4 ranges: 10/8, 172.16/12, 192.168/16. */
    public static boolean isRfc1918(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return false;
        }
        byte[] b = a.getAddress();
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        return b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168);
    }
}
