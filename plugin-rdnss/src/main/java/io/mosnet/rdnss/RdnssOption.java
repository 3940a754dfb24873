package io.mosnet.rdnss;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive DNS Server option, RFC 8106 §5.1: type 25, length 1 + 2 per address, two reserved octets, a 32-bit
 * lifetime in seconds, then the servers' addresses.
 *
 * @param lifetime seconds; 0 withdraws the servers, {@link Lifetime#INFINITE} keeps them until withdrawn
 * @param servers  in the router's order of preference
 */
record RdnssOption(long lifetime, List<Inet6Address> servers) {

    static final int TYPE = 25;

    /** One address needs length 3 (RFC 8106 §5.1); anything shorter is invalid and silently ignored (§5.3.1). */
    static final int MIN_LENGTH = 3;

    RdnssOption {
        servers = List.copyOf(servers);
    }

    /**
     * Reads the option whose type octet is at {@code offset}; the caller has checked that {@code units * 8} octets
     * are there. Addresses no resolver should be pointed at are left out and reported to {@code ignored}.
     */
    static RdnssOption parse(byte[] b, int offset, int units, List<String> ignored) {
        if (units < MIN_LENGTH) {
            throw new RaOptionException("RDNSS option at offset " + offset + " has length " + units
                    + ", below the minimum of " + MIN_LENGTH + " that holds one address (RFC 8106 §5.1)");
        }
        long lifetime = WireBytes.u32(b, offset + 4);
        // The count follows from the length alone (RFC 8106 §5.1); an even length leaves 8 unused octets.
        int count = (units - 1) / 2;
        List<Inet6Address> servers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = offset + 8 + 16 * i;
            Inet6Address a = address(b, at);
            String unusable = unusable(a);
            if (unusable != null) {
                ignored.add("RDNSS address " + a.getHostAddress() + " at offset " + at + " is " + unusable);
            } else if (!servers.contains(a)) {
                servers.add(a);
            }
        }
        return new RdnssOption(lifetime, servers);
    }

    private static Inet6Address address(byte[] b, int at) {
        byte[] raw = new byte[16];
        System.arraycopy(b, at, raw, 0, 16);
        try {
            // A fresh 16-byte array is always an Inet6Address; getByAddress never resolves names.
            return Inet6Address.getByAddress(null, raw, null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 octets are always an IPv6 address", e);
        }
    }

    /** Why a router-supplied address cannot be a DNS server, or null when it can. */
    private static String unusable(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] raw = a.getAddress();
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= raw[i] == 0;
        }
        if (mapped && raw[10] == (byte) 0xff && raw[11] == (byte) 0xff) {
            return "IPv4-mapped";
        }
        return null;
    }
}
