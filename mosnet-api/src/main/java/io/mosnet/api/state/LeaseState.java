package io.mosnet.api.state;

import java.time.Instant;
import java.util.List;

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
}
