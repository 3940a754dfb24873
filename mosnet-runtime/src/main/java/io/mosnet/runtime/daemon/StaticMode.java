package io.mosnet.runtime.daemon;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import io.mosnet.runtime.probe.GatewayProbe;
import io.mosnet.runtime.probe.ProbeResult;
import java.util.List;

/**
 * Static mode: find the NIC that reaches the gateway (ARP, or NS for IPv6-only; a pinned device skips the probe),
 * bridge it, and put the configured addresses and routes on the bridge.
 */
final class StaticMode {

    private final RuntimeContext ctx;
    private final Plan plan;
    private final DaemonStatus status;

    StaticMode(RuntimeContext ctx, Plan plan, DaemonStatus status) {
        this.ctx = ctx;
        this.plan = plan;
        this.status = status;
    }

    void configure() {
        MosnetConfig config = ctx.config();
        BridgeBackend backend = plan.backend();
        backend.preflight(ctx);
        ProbeResult probe = new GatewayProbe(ctx.network()).select(config.ipv4(), config.ipv6(), config.bridgeName());
        Link nic = probe.nic();
        status.update(s -> {
            s.nic = nic.name();
            s.backend = backend.id();
        });
        BridgeAttachment attachment = backend.attach(new BridgeRequest(config.bridgeName(), nic, Mode.STATIC), ctx);
        Link host = ctx.network().requireLink(attachment.hostInterface());
        List<IpNetwork> addresses = StaticRoutes.addresses(config);
        List<Route> routes = StaticRoutes.routes(config, host.index());
        backend.configureHost(new HostSetup(attachment, nic, Mode.STATIC, addresses, routes), ctx);
        status.update(s -> {
            s.hostInterface = attachment.hostInterface();
            s.addresses = addresses.stream().map(IpNetwork::toString).toList();
            s.routes = Daemon.routeStates(routes, attachment.hostInterface());
            s.backendInfo = new java.util.LinkedHashMap<>(backend.inspect(ctx));
        });
    }
}
