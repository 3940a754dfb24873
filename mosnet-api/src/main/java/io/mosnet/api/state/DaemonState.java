package io.mosnet.api.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What mosnetd writes to its state file and serves over its API. Versioned: a file with another
 * {@link #schemaVersion} is treated as absent. Addresses are plain text so that the JSON is stable.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param mode          {@code static} or {@code dhcp}
 * @param phase         where the daemon is: starting, configuring, running, retrying, failed
 * @param nic           the uplink NIC, or null until chosen
 * @param bridge        the bridge device
 * @param hostInterface where the host's addresses live
 * @param backend       bridge backend id
 * @param addresses     addresses mosnet put on the host interface, {@code addr/len}
 * @param routes        routes mosnet installed
 * @param dns           DNS servers written to resolv.conf
 * @param searchDomains search domains written to resolv.conf
 * @param leases        DHCP leases by protocol ({@code dhcpv4}, {@code dhcpv6})
 * @param delegatedPrefixes prefixes delegated by DHCPv6-PD, {@code prefix/len}
 * @param firewall      firewall summary (policy and open ports), or null
 * @param nat           NAT summary, or null
 * @param plugins       loaded plugins
 * @param problems      current reasons for a degraded state (no carrier, lease expiring, ...)
 * @param backendInfo   backend-specific facts
 * @param startedAt     when this daemon process started
 * @param updatedAt     when this state was written
 * @param topology      the topology id ({@code single}, {@code vlan}, {@code dual-nic}, ...)
 * @param uplinks       every uplink, the primary first
 */
public record DaemonState(int schemaVersion, String mode, String phase, String nic, String bridge,
                          String hostInterface, String backend, List<String> addresses, List<RouteState> routes,
                          List<String> dns, List<String> searchDomains, Map<String, LeaseState> leases,
                          List<String> delegatedPrefixes, Map<String, Object> firewall, Map<String, Object> nat,
                          List<PluginInfo> plugins, List<String> problems, Map<String, Object> backendInfo,
                          Instant startedAt, Instant updatedAt, String topology, List<UplinkState> uplinks) {

    public static final int SCHEMA_VERSION = 1;

    public DaemonState {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        routes = routes == null ? List.of() : List.copyOf(routes);
        dns = dns == null ? List.of() : List.copyOf(dns);
        searchDomains = searchDomains == null ? List.of() : List.copyOf(searchDomains);
        leases = leases == null ? Map.of() : Map.copyOf(leases);
        delegatedPrefixes = delegatedPrefixes == null ? List.of() : List.copyOf(delegatedPrefixes);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        problems = problems == null ? List.of() : List.copyOf(problems);
        backendInfo = backendInfo == null ? Map.of() : Map.copyOf(backendInfo);
        uplinks = uplinks == null ? List.of() : List.copyOf(uplinks);
    }

    /** A state without topology details (a single untagged uplink described by the fields above). */
    public DaemonState(int schemaVersion, String mode, String phase, String nic, String bridge, String hostInterface,
                       String backend, List<String> addresses, List<RouteState> routes, List<String> dns,
                       List<String> searchDomains, Map<String, LeaseState> leases, List<String> delegatedPrefixes,
                       Map<String, Object> firewall, Map<String, Object> nat, List<PluginInfo> plugins,
                       List<String> problems, Map<String, Object> backendInfo, Instant startedAt,
                       Instant updatedAt) {
        this(schemaVersion, mode, phase, nic, bridge, hostInterface, backend, addresses, routes, dns, searchDomains,
                leases, delegatedPrefixes, firewall, nat, plugins, problems, backendInfo, startedAt, updatedAt, null,
                List.of());
    }
}
