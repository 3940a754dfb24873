package io.mosnet.runtime.daemon;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run put on a host interface and this run no longer wants, as that run's state file recorded it:
 * its addresses and routes. Changing {@code mosip4=} (or going from DHCP to static, or a lease that was not resumed)
 * and restarting mosnetd without a reboot would otherwise leave the old address beside the new one, where the
 * kernel keeps the older as the primary address and the source of the host's traffic. Removed once the bridge is
 * attached, before this run adds its own; only what the state file names is touched, so an address or route added
 * by hand stays (as systemd-networkd leaves foreign configuration to {@code KeepConfiguration=}).
 */
final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {
    }

    /**
     * @param previous      the earlier run's state, if one was loaded
     * @param bridge        this uplink's bridge ({@code mos}, {@code mos1})
     * @param hostInterface where this uplink's addresses live
     * @param keepAddresses the addresses this run wants (or keeps while it confirms a lease)
     * @param keepRoutes    the routes this run wants; null keeps every route the earlier run recorded
     */
    static void remove(HostNetwork network, Optional<DaemonState> previous, String bridge, String hostInterface,
                       Collection<IpNetwork> keepAddresses, Collection<Route> keepRoutes) {
        if (previous.isEmpty()) {
            return;
        }
        DaemonState p = previous.get();
        List<String> addresses;
        List<RouteState> routes;
        if (bridge.equals(p.bridge())) {
            // The primary uplink's addresses and routes; on another host interface (a VLAN port then, a bridge
            // now) they are not this interface's.
            boolean same = hostInterface.equals(p.hostInterface());
            addresses = same ? p.addresses() : List.of();
            routes = same ? p.routes() : List.of();
        } else {
            // A second uplink keeps its addresses in its own entry, on its bridge; it has no routes of its own.
            addresses = p.uplinks().stream().filter(u -> u.bridge().equals(bridge)).findFirst()
                    .map(UplinkState::addresses).orElse(List.of());
            routes = List.of();
        }
        if (addresses.isEmpty() && routes.isEmpty()) {
            return;
        }
        Optional<Link> link = network.link(hostInterface);
        if (link.isEmpty()) {
            return;
        }
        int index = link.get().index();
        List<IpNetwork> present = new ArrayList<>();
        for (Address a : network.addresses(index)) {
            present.add(a.network());
        }
        for (String text : addresses) {
            IpNetwork old = parse(text);
            if (old != null && present.contains(old) && !keepAddresses.contains(old)
                    && Removal.run(() -> network.deleteAddress(hostInterface, old))) {
                LOG.info("removed {} from {}: the previous run's, not configured now", old, hostInterface);
            }
        }
        if (keepRoutes == null || routes.isEmpty()) {
            return;
        }
        List<Route> table = network.routes();
        for (RouteState r : routes) {
            if (!hostInterface.equals(r.device())) {
                continue;
            }
            IpNetwork destination = parse(r.destination());
            InetAddress gateway = r.gateway() == null ? null : IpAddresses.parse(r.gateway());
            if (destination == null || keepRoutes.stream().anyMatch(k -> k.destination().equals(destination)
                    && Objects.equals(k.gateway(), gateway))) {
                continue;
            }
            Route old = new Route(destination, gateway, index, 0,
                    gateway == null ? Route.Scope.LINK : Route.Scope.UNIVERSE, Route.Protocol.UNSPEC, r.onlink(),
                    Route.MAIN_TABLE);
            if (table.stream().anyMatch(x -> LeaseApplier.sameRoute(x, old))
                    && Removal.run(() -> network.deleteRoute(old))) {
                LOG.info("removed route {}{} dev {}: the previous run's, not configured now", destination,
                        gateway == null ? "" : " via " + r.gateway(), hostInterface);
            }
        }
    }

    private static IpNetwork parse(String text) {
        try {
            return IpNetwork.parse(text);
        } catch (RuntimeException e) {
            LOG.debug("the previous state's '{}' is not an address: {}", text, e.getMessage());
            return null;
        }
    }

}
