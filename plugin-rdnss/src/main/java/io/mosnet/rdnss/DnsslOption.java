package io.mosnet.rdnss;

import java.util.ArrayList;
import java.util.List;

/**
 * DNS Search List option, RFC 8106 §5.2: type 31, two reserved octets, a 32-bit lifetime, then domain names in the
 * uncompressed wire form of RFC 1035 §3.1 (length-prefixed labels ending in a zero octet), zero-padded to the
 * option's 8-octet length.
 *
 * @param lifetime seconds; 0 withdraws the domains, {@link Lifetime#INFINITE} keeps them until withdrawn
 * @param domains  lower case, without the trailing dot, in the router's order
 */
record DnsslOption(long lifetime, List<String> domains) {

    static final int TYPE = 31;

    /** One short name needs length 2 (RFC 8106 §5.2); anything shorter is invalid and silently ignored (§5.3.1). */
    static final int MIN_LENGTH = 2;

    /** RFC 1035 §2.3.4. */
    static final int MAX_LABEL = 63;
    static final int MAX_NAME = 255;

    DnsslOption {
        domains = List.copyOf(domains);
    }

    /**
     * Reads the option whose type octet is at {@code offset}; the caller has checked that {@code units * 8} octets
     * are there. A name that breaks the wire format makes the whole option invalid (the rest of it can no longer be
     * framed); a well-framed name with characters that have no place in resolv.conf is left out alone.
     */
    static DnsslOption parse(byte[] b, int offset, int units, List<String> ignored) {
        if (units < MIN_LENGTH) {
            throw new RaOptionException("DNSSL option at offset " + offset + " has length " + units
                    + ", below the minimum of " + MIN_LENGTH + " (RFC 8106 §5.2)");
        }
        long lifetime = WireBytes.u32(b, offset + 4);
        int end = offset + units * 8;
        List<String> domains = new ArrayList<>();
        int p = offset + 8;
        // A zero octet where a name would start is the padding: the list is over (RFC 8106 §5.2).
        while (p < end && b[p] != 0) {
            int start = p;
            StringBuilder name = new StringBuilder();
            boolean printable = true;
            int wireLength = 0;
            while (true) {
                if (p >= end) {
                    throw new RaOptionException("DNSSL option at offset " + offset + ": the domain name at offset "
                            + start + " runs past the end of the option");
                }
                int len = WireBytes.u8(b, p);
                if ((len & 0xc0) == 0xc0) {
                    throw new RaOptionException("DNSSL option at offset " + offset + ": compression pointer at "
                            + "offset " + p + ", which RFC 8106 §5.2 does not allow");
                }
                if (len > MAX_LABEL) {
                    throw new RaOptionException("DNSSL option at offset " + offset + ": label of length " + len
                            + " at offset " + p + " exceeds " + MAX_LABEL + " (RFC 1035 §2.3.4)");
                }
                wireLength += 1 + len;
                if (wireLength > MAX_NAME) {
                    throw new RaOptionException("DNSSL option at offset " + offset + ": the domain name at offset "
                            + start + " exceeds " + MAX_NAME + " octets (RFC 1035 §2.3.4)");
                }
                if (len == 0) {
                    p++;
                    break;
                }
                if (p + 1 + len > end) {
                    throw new RaOptionException("DNSSL option at offset " + offset + ": the label at offset " + p
                            + " runs past the end of the option");
                }
                if (!name.isEmpty()) {
                    name.append('.');
                }
                for (int i = p + 1; i <= p + len; i++) {
                    char c = (char) WireBytes.u8(b, i);
                    printable &= isHostnameChar(c);
                    name.append(Character.toLowerCase(c));
                }
                p += 1 + len;
            }
            if (!printable) {
                ignored.add("DNSSL domain at offset " + start + " has characters other than letters, digits, '-' "
                        + "and '_'");
            } else if (!domains.contains(name.toString())) {
                domains.add(name.toString());
            }
        }
        return new DnsslOption(lifetime, domains);
    }

    /**
     * Letters, digits, hyphen (RFC 1123 §2.1) and underscore (service labels). Everything else, spaces and line
     * breaks above all, could smuggle extra directives into resolv.conf.
     */
    private static boolean isHostnameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
