package io.mosnet.rdnss;

import java.util.List;

/**
 * The DNS options of one router advertisement.
 *
 * @param rdnss   RDNSS options, in message order
 * @param dnssl   DNSSL options, in message order
 * @param ignored why options or parts of them were left out, for the debug log
 */
record RaOptions(List<RdnssOption> rdnss, List<DnsslOption> dnssl, List<String> ignored) {

    RaOptions {
        rdnss = List.copyOf(rdnss);
        dnssl = List.copyOf(dnssl);
        ignored = List.copyOf(ignored);
    }

    boolean isEmpty() {
        return rdnss.isEmpty() && dnssl.isEmpty();
    }
}
