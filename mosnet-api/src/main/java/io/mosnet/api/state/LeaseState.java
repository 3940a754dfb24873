package io.mosnet.api.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A DHCP lease as the state file and {@code mosnet lease} show it. Addresses are text so that the schema is plain
 * JSON.
 *
 * @param protocol     {@code dhcpv4} or {@code dhcpv6}
 * @param state        the client's state (BOUND, RENEWING, REBINDING, ...)
 * @param nic          the uplink it was obtained on
 * @param address      the leased address with prefix length, e.g. {@code 10.0.0.5/24}
 * @param gateway      the router, or null
 * @param server       the server identifier
 * @param dns          DNS servers
 * @param domains      search domains
 * @param routes       classless static routes as {@code dest/len via gw}
 * @param mtu          interface MTU from option 26, 0 when none
 * @param obtainedAt   when the lease was bound
 * @param renewAt      T1
 * @param rebindAt     T2
 * @param expiresAt    end of the lease
 * @param clientId     the client identifier used, hex
 */
public record LeaseState(String protocol, String state, String nic, String address, String gateway, String server,
                         List<String> dns, List<String> domains, List<String> routes, int mtu, Instant obtainedAt,
                         Instant renewAt, Instant rebindAt, Instant expiresAt, String clientId) {

    public LeaseState {
        dns = dns == null ? List.of() : List.copyOf(dns);
        domains = domains == null ? List.of() : List.copyOf(domains);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    // equals and hashCode written out: the generated ones bootstrap through ObjectMethods on first use (milliseconds
    // of an interpreted start, which the AOT cache cannot keep), and the daemon compares states on its way to READY.
    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseState l && mtu == l.mtu && Objects.equals(protocol, l.protocol)
                && Objects.equals(state, l.state) && Objects.equals(nic, l.nic) && Objects.equals(address, l.address)
                && Objects.equals(gateway, l.gateway) && Objects.equals(server, l.server) && dns.equals(l.dns)
                && domains.equals(l.domains) && routes.equals(l.routes) && Objects.equals(obtainedAt, l.obtainedAt)
                && Objects.equals(renewAt, l.renewAt) && Objects.equals(rebindAt, l.rebindAt)
                && Objects.equals(expiresAt, l.expiresAt) && Objects.equals(clientId, l.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, state, nic, address, gateway, server, dns, domains, routes, mtu, obtainedAt,
                renewAt, rebindAt, expiresAt, clientId);
    }
}
