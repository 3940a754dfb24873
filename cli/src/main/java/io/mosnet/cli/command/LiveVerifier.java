package io.mosnet.cli.command;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.VerifyDifference;
import io.mosnet.api.state.VerifyReport;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares recorded state with the live kernel: bridge and NIC links, the NIC's membership of the bridge,
 * addresses on the host interface, and routes. Extra IPv6 addresses are not reported (the kernel makes link-local,
 * SLAAC and temporary ones by itself); extra IPv4 addresses are.
 */
final class LiveVerifier {

    static final String LINK = "link";
    static final String ADDRESS = "address";
    static final String ROUTE = "route";
    static final String BRIDGE_PORT = "bridge-port";

    private LiveVerifier() {
    }

    /**
     * @param daemonBridge the daemon's bridge report, which is how OVS ports are known; empty without daemon
     */
    static VerifyReport compare(DaemonState state, HostNetwork net, Optional<BridgeReport> daemonBridge) {
        List<VerifyDifference> diffs = new ArrayList<>();
        List<String> checked = new ArrayList<>(List.of(LINK, ADDRESS, ROUTE));
        List<String> skipped = new ArrayList<>();
        List<Link> links = net.links();
        Optional<Link> bridge = find(links, state.bridge());
        Optional<Link> nic = find(links, state.nic());
        if (state.bridge() != null && bridge.isEmpty()) {
            diffs.add(VerifyDifference.missing(LINK, "bridge " + state.bridge()));
        }
        if (state.nic() != null && nic.isEmpty()) {
            diffs.add(VerifyDifference.missing(LINK, "nic " + state.nic()));
        }
        ports(state, bridge, nic, daemonBridge, diffs, checked, skipped);
        addresses(state, links, net.addresses(), diffs);
        routes(state, links, net.routes(), diffs);
        return new VerifyReport(diffs, checked, skipped);
    }

    private static void ports(DaemonState state, Optional<Link> bridge, Optional<Link> nic,
                              Optional<BridgeReport> daemonBridge, List<VerifyDifference> diffs,
                              List<String> checked, List<String> skipped) {
        if (state.nic() == null || state.bridge() == null) {
            return;
        }
        String item = state.nic() + " in " + state.bridge();
        if ("linux".equals(state.backend())) {
            checked.add(BRIDGE_PORT);
            if (bridge.isPresent() && nic.isPresent() && nic.get().masterIndex() != bridge.get().index()) {
                diffs.add(new VerifyDifference(BRIDGE_PORT, item, "port of " + state.bridge(),
                        nic.get().hasMaster() ? "port of ifindex " + nic.get().masterIndex() : "not a port"));
            }
        } else if (daemonBridge.isPresent()) {
            // OVS ports are not kernel bridge ports; the backend's own port list is what counts.
            checked.add(BRIDGE_PORT);
            if (daemonBridge.get().ports().stream().noneMatch(p -> p.name().equals(state.nic()))) {
                diffs.add(VerifyDifference.missing(BRIDGE_PORT, item));
            }
        } else {
            skipped.add(BRIDGE_PORT + ": " + state.backend() + " ports are only known to mosnetd");
        }
    }

    private static void addresses(DaemonState state, List<Link> links, List<Address> live,
                                  List<VerifyDifference> diffs) {
        String host = state.hostInterface() != null ? state.hostInterface() : state.bridge();
        Optional<Link> link = find(links, host);
        if (link.isEmpty()) {
            for (String a : state.addresses()) {
                diffs.add(VerifyDifference.missing(ADDRESS, a + " on " + host));
            }
            return;
        }
        List<IpNetwork> have = live.stream().filter(a -> a.linkIndex() == link.get().index())
                .map(Address::network).toList();
        List<IpNetwork> want = new ArrayList<>();
        for (String text : state.addresses()) {
            try {
                IpNetwork n = IpNetwork.parse(text);
                want.add(n);
                if (!have.contains(n)) {
                    diffs.add(VerifyDifference.missing(ADDRESS, text + " on " + host));
                }
            } catch (IllegalArgumentException e) {
                diffs.add(new VerifyDifference(ADDRESS, text + " on " + host, "a valid address", e.getMessage()));
            }
        }
        for (Address a : live) {
            if (a.linkIndex() == link.get().index() && !a.network().isIpv6() && a.scope() == Address.Scope.UNIVERSE
                    && !want.contains(a.network())) {
                diffs.add(VerifyDifference.unexpected(ADDRESS, a.network() + " on " + host));
            }
        }
    }

    private static void routes(DaemonState state, List<Link> links, List<Route> live, List<VerifyDifference> diffs) {
        for (RouteState r : state.routes()) {
            String item = StatusCommand.route(r);
            IpNetwork dest;
            InetAddress gateway;
            try {
                dest = IpNetwork.parse(r.destination());
                gateway = r.gateway() == null ? null : IpAddresses.parse(r.gateway());
            } catch (IllegalArgumentException e) {
                diffs.add(new VerifyDifference(ROUTE, item, "a valid route", e.getMessage()));
                continue;
            }
            Optional<Link> dev = find(links, r.device());
            List<Route> sameDest = live.stream()
                    .filter(l -> l.table() == Route.MAIN_TABLE && l.destination().masked().equals(dest.masked()))
                    .toList();
            boolean exact = sameDest.stream().anyMatch(l -> Objects.equals(l.gateway(), gateway)
                    && (dev.isEmpty() || l.linkIndex() == dev.get().index()));
            if (exact) {
                continue;
            }
            if (sameDest.isEmpty()) {
                diffs.add(VerifyDifference.missing(ROUTE, item));
            } else {
                Route other = sameDest.get(0);
                String actual = other.destination().masked() + (other.gateway() == null ? ""
                        : " via " + IpAddresses.format(other.gateway())) + " dev "
                        + links.stream().filter(l -> l.index() == other.linkIndex()).map(Link::name).findFirst()
                        .orElse("if" + other.linkIndex());
                diffs.add(new VerifyDifference(ROUTE, item, item, actual));
            }
        }
    }

    private static Optional<Link> find(List<Link> links, String name) {
        return name == null ? Optional.empty() : links.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
