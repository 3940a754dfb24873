package io.mosnet.rdnss;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;

/**
 * The DNS configuration the routers of one link currently announce, merged and deduplicated.
 *
 * @param servers   most recently refreshed first, each router's own order kept within one advertisement
 * @param domains   in the same order
 * @param expiresAt when the first of them lapses unless refreshed; null when none has a finite lifetime
 */
record DnsSnapshot(List<Inet6Address> servers, List<String> domains, Instant expiresAt) {

    static final DnsSnapshot EMPTY = new DnsSnapshot(List.of(), List.of(), null);

    DnsSnapshot {
        servers = List.copyOf(servers);
        domains = List.copyOf(domains);
    }

    boolean isEmpty() {
        return servers.isEmpty() && domains.isEmpty();
    }

    /** Same servers and domains in the same order; the expiry alone does not make a change. */
    boolean sameContent(DnsSnapshot other) {
        return servers.equals(other.servers) && domains.equals(other.domains);
    }
}
