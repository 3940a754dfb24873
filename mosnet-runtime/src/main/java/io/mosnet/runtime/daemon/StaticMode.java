package io.mosnet.runtime.daemon;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.UplinkState;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.runtime.probe.GatewayProbe;
import io.mosnet.runtime.state.StateLoadResult;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Static mode for one uplink of the topology: find the NIC that reaches the gateway (ARP, or NS for IPv6-only; a
 * pinned device skips the probe, and so does a VLAN, whose gateway the untagged probe cannot reach), bridge it, and
 * put the uplink's addresses on the bridge (removing those an earlier run put there and this one does not want,
 * {@link Leftovers}). The primary uplink also gets the default routes (after host routes to
 * an off-subnet gateway); a second uplink only the routes to its own subnets, which the kernel adds with the
 * addresses.
 */
final class StaticMode {

    private final RuntimeContext ctx;
    private final Plan plan;
    private final DaemonStatus status;
    private final TopologyPlan.Uplink uplink;
    private final Collection<String> bridges;
    private final StateLoadResult previous;

    StaticMode(RuntimeContext ctx, Plan plan, DaemonStatus status, TopologyPlan.Uplink uplink,
               Collection<String> bridges, StateLoadResult previous) {
        this.ctx = ctx;
        this.plan = plan;
        this.status = status;
        this.uplink = uplink;
        this.bridges = bridges;
        this.previous = previous;
    }

    /** Builds the uplink; returns the NIC it took. */
    Link configure(Set<String> taken) {
        BridgeBackend backend = plan.backend();
        backend.preflight(ctx);
        Link nic = chooseNic(taken);
        boolean primary = uplink.defaultRoute();
        status.update(s -> {
            if (primary) {
                s.nic = nic.name();
                s.backend = backend.id();
            }
            s.uplinks.put(uplink.bridgeName(), state(nic, List.of()));
        });
        BridgeAttachment attachment = backend.attach(new BridgeRequest(uplink.bridgeName(), nic, Mode.STATIC,
                uplink.vlanId(), uplink.mtu()), ctx);
        Link host = ctx.network().requireLink(attachment.hostInterface());
        List<IpNetwork> addresses = StaticRoutes.addresses(uplink.ipv4(), uplink.ipv6());
        List<Route> routes = primary ? StaticRoutes.routes(uplink.ipv4(), uplink.ipv6(), host.index()) : List.of();
        Leftovers.remove(ctx.network(), previous.loadedState(), uplink.bridgeName(), attachment.hostInterface(),
                addresses, routes);
        backend.configureHost(new HostSetup(attachment, nic, Mode.STATIC, addresses, routes), ctx);
        List<String> shown = addresses.stream().map(IpNetwork::toString).toList();
        status.update(s -> {
            if (primary) {
                s.hostInterface = attachment.hostInterface();
                s.addresses = shown;
                s.routes = Daemon.routeStates(routes, attachment.hostInterface());
                s.backendInfo = new java.util.LinkedHashMap<>(backend.inspect(ctx));
            }
            s.uplinks.put(uplink.bridgeName(), state(nic, shown));
        });
        return nic;
    }

    private UplinkState state(Link nic, List<String> addresses) {
        return new UplinkState(uplink.bridgeName(), nic.name(), Mode.STATIC.label(), uplink.vlanId(),
                uplink.defaultRoute(), addresses);
    }

    private Link chooseNic(Set<String> taken) {
        GatewayProbe probe = new GatewayProbe(ctx.network());
        String pinned = uplink.ipv4() != null && uplink.ipv4().device() != null ? uplink.ipv4().device()
                : uplink.ipv6() != null ? uplink.ipv6().device() : null;
        if (pinned != null) {
            return probe.select(uplink.ipv4(), uplink.ipv6(), uplink.bridgeName()).nic();
        }
        List<Link> candidates = UplinkNics.candidates(ctx.network(), uplink, bridges, taken);
        if (uplink.vlanId() != 0) {
            return UplinkNics.withoutProbe(uplink, candidates);
        }
        BridgeStaging staging = BridgeStaging.start(plan.backend(), uplink.bridgeName(), candidates, ctx);
        try {
            return probe.probe(uplink.ipv4(), uplink.ipv6(), candidates).nic();
        } finally {
            staging.await();
        }
    }
}
