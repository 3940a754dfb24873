package io.mosnet.rdnss;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the ND options of a router advertisement (RFC 4861 §4.6: type, length in units of 8 octets, data) and
 * reads the DNS ones, RDNSS and DNSSL (RFC 8106); other options are skipped.
 *
 * <p>The framing errors of RFC 4861 §4.6, a length of zero or an option running past the end, make the whole
 * message unreadable and throw {@link RaOptionException}. A DNS option that is framed correctly but invalid inside
 * (too short, a broken domain name) is dropped alone (RFC 8106 §5.3.1) and noted in {@link RaOptions#ignored()}.
 * The work is bounded by the message's length; nothing but {@link RaOptionException} leaves this class.
 */
final class RaOptionParser {

    /** More than any ICMPv6 message can carry; a larger buffer is not from the kernel. */
    static final int MAX_MESSAGE = 65_535;

    private RaOptionParser() {
    }

    static RaOptions parse(byte[] options) {
        if (options == null) {
            throw new RaOptionException("ND user option message without options");
        }
        if (options.length > MAX_MESSAGE) {
            throw new RaOptionException("ND options of " + options.length + " octets exceed the " + MAX_MESSAGE
                    + " an ICMPv6 message can hold");
        }
        List<RdnssOption> rdnss = new ArrayList<>();
        List<DnsslOption> dnssl = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int p = 0;
        while (p < options.length) {
            int left = options.length - p;
            if (left < 2) {
                throw new RaOptionException("ND option at offset " + p + " has " + left
                        + " octet(s), too few for its type and length");
            }
            int type = WireBytes.u8(options, p);
            int units = WireBytes.u8(options, p + 1);
            if (units == 0) {
                throw new RaOptionException("ND option type " + type + " at offset " + p
                        + " has length 0; RFC 4861 §4.6 says to discard the message");
            }
            int size = units * 8;
            if (size > left) {
                throw new RaOptionException("ND option type " + type + " at offset " + p + " claims " + size
                        + " octets but only " + left + " remain");
            }
            try {
                switch (type) {
                    case RdnssOption.TYPE -> rdnss.add(RdnssOption.parse(options, p, units, ignored));
                    case DnsslOption.TYPE -> dnssl.add(DnsslOption.parse(options, p, units, ignored));
                    default -> {
                        // Prefix information, source link-layer address and the like: the kernel's business.
                    }
                }
            } catch (RaOptionException e) {
                ignored.add(e.getMessage());
            }
            p += size;
        }
        return new RaOptions(rdnss, dnssl, ignored);
    }
}
