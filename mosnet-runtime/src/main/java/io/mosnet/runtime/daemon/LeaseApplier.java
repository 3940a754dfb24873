package io.mosnet.runtime.daemon;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.dns.DnsSource;
import io.mosnet.runtime.dns.ResolvConf;
import io.mosnet.runtime.dns.ResolvConfWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the address sources learn into the host's configuration, in one place: addresses and routes on the
 * bridge (through the backend, which converges), resolv.conf from every source (DHCP first, RFC 8106 §5.3.1), and the
 * state file. Sources call it on their own threads; it is quick and never blocks on them.
 */
final class LeaseApplier implements AddressListener {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseApplier.class);
    private static final List<String> DNS_ORDER = List.of("dhcpv4", "dhcpv6", "ra");
    /** How a lease that could not be put on the bridge shows among the problems, until one is. */
    static final String APPLY_PROBLEM = "applying the DHCPv4 lease ";
    static final int MIN_LEASE_MTU = 576;

    private final RuntimeContext ctx;
    private final BridgeBackend backend;
    private final BridgeAttachment attachment;
    private final Link uplink;
    private final DaemonStatus status;
    private final ResolvConfWriter resolvConf;
    /** Null for the primary uplink; for a second one, its state entry (it gets no default route and no DNS). */
    private final UplinkState secondary;
    private final CountDownLatch bound = new CountDownLatch(1);
    private final Map<String, LeaseState> leases = new LinkedHashMap<>();
    private IpNetwork appliedV4;
    private IpNetwork appliedV6;
    private List<Route> appliedRoutes = List.of();
    private volatile io.mosnet.api.address.PrefixDelegation delegation;
    /** Probes each new DHCPv4 address for another host using it; null for none. */
    private ConflictWatch conflicts;
    /** Whether the lease's MTU (option 26) is the host interface's: not when the configuration sets one. */
    private boolean leaseMtu = true;

    LeaseApplier(RuntimeContext ctx, BridgeBackend backend, BridgeAttachment attachment, Link uplink,
                 DaemonStatus status, ResolvConfWriter resolvConf) {
        this(ctx, backend, attachment, uplink, status, resolvConf, null);
    }

    /**
     * @param secondary null for the primary uplink; for a second uplink (dual-nic) its state entry: its leases give
     *                  it addresses and specific routes but no default route and no DNS, and its state is kept in
     *                  that entry and under lease keys {@code <protocol>@<bridge>}
     */
    LeaseApplier(RuntimeContext ctx, BridgeBackend backend, BridgeAttachment attachment, Link uplink,
                 DaemonStatus status, ResolvConfWriter resolvConf, UplinkState secondary) {
        this.secondary = secondary;
        this.ctx = ctx;
        this.backend = backend;
        this.attachment = attachment;
        this.uplink = uplink;
        this.status = status;
        this.resolvConf = resolvConf;
    }

    /** Counted down when the DHCPv4 client first holds a lease. */
    CountDownLatch bound() {
        return bound;
    }

    /** Where delegated prefixes are read from (the DHCPv6 session), once it runs. */
    void delegation(io.mosnet.api.address.PrefixDelegation d) {
        this.delegation = d;
        synchronized (this) {
            publish(null);
        }
    }

    /** Has each DHCPv4 address bound from now on probed for a conflict. */
    synchronized void watchConflicts(ConflictWatch watch) {
        this.conflicts = watch;
    }

    /** The configuration sets the host interface's MTU ({@code mosvlan=<id>,<mtu>}): leases' MTUs are not used. */
    synchronized void keepConfiguredMtu() {
        this.leaseMtu = false;
    }

    /** Host routing without addresses yet (sysctls, accept_ra for SLAAC). */
    synchronized void prepare() {
        backend.configureHost(new HostSetup(attachment, uplink, Mode.DHCP, List.of(), List.of()), ctx);
        if (secondary != null) {
            // SLAAC still works on a second uplink, but its routers' advertisements must not add a default route.
            ctx.network().setSysctl("net/ipv6/conf/" + attachment.hostInterface() + "/accept_ra_defrtr", "0");
        }
    }

    @Override
    public synchronized void leaseChanged(LeaseState lease) {
        if ("dhcpv4".equals(lease.protocol())) {
            if ("OFFERED".equals(lease.state()) || lease.address() == null) {
                return;
            }
            IpNetwork before = appliedV4;
            try {
                applyV4(lease);
            } catch (NetworkException e) {
                // The client only logs a listener's failure: the state says why the host has no working lease.
                publish(APPLY_PROBLEM + lease.address() + ": " + e.getMessage());
                throw e;
            }
            if (conflicts != null && "BOUND".equals(lease.state()) && !appliedV4.equals(before)) {
                conflicts.bound(lease);
            }
        } else if ("dhcpv6".equals(lease.protocol())) {
            applyV6(lease);
        }
        leases.put(lease.protocol(), lease);
        publish(null);
        if ("dhcpv4".equals(lease.protocol())) {
            // Only now: the state file already shows the lease when the daemon reports itself running.
            bound.countDown();
        }
    }

    @Override
    public synchronized void leaseLost(LeaseState lease, String reason) {
        leases.remove(lease.protocol());
        if ("dhcpv4".equals(lease.protocol()) && appliedV4 != null) {
            HostNetwork net = ctx.network();
            for (Route r : appliedRoutes) {
                Removal.run(() -> net.deleteRoute(r));
            }
            IpNetwork gone = appliedV4;
            Removal.run(() -> net.deleteAddress(attachment.hostInterface(), gone));
            LOG.warn("DHCPv4 lease {} lost ({}); address removed, the client starts over", gone, reason);
            appliedV4 = null;
            appliedRoutes = List.of();
        }
        if ("dhcpv6".equals(lease.protocol()) && appliedV6 != null) {
            IpNetwork gone = appliedV6;
            Removal.run(() -> ctx.network().deleteAddress(attachment.hostInterface(), gone));
            appliedV6 = null;
        }
        publish(lease.protocol() + " lease lost: " + reason);
    }

    private void applyV4(LeaseState lease) {
        HostNetwork net = ctx.network();
        String dev = attachment.hostInterface();
        int index = net.requireLink(dev).index();
        IpNetwork address = IpNetwork.parse(lease.address());
        if (appliedV4 != null && !appliedV4.equals(address)) {
            IpNetwork old = appliedV4;
            Removal.run(() -> net.deleteAddress(dev, old));
            LOG.info("DHCPv4 address changed from {} to {}", old, address);
        }
        List<Route> routes = routesOf(lease, index);
        backend.configureHost(new HostSetup(attachment, uplink, Mode.DHCP, hostAddresses(address, appliedV6), routes),
                ctx);
        for (Route old : appliedRoutes) {
            // A route the lease no longer gives (another router, option 121 changed on a renewal); after the new
            // ones, so that a default route is replaced in place rather than missing for a moment.
            if (routes.stream().noneMatch(r -> sameRoute(r, old))) {
                Removal.run(() -> net.deleteRoute(old));
            }
        }
        appliedV4 = address;
        appliedRoutes = List.copyOf(routes);
        if (leaseMtu) {
            applyMtu(lease.mtu());
        }
    }

    /**
     * The interface MTU of option 26 (RFC 2132 section 5.1; the client asks for it), as dhcpcd and systemd-networkd
     * use it: on the host interface, and first on the NIC under it when it grows, through the backend
     * ({@link BridgeBackend#setMtu}). Values below 576, which dhcpcd ignores too, are ignored; so are leases without
     * one.
     */
    private void applyMtu(int mtu) {
        if (mtu < MIN_LEASE_MTU) {
            return;
        }
        HostNetwork net = ctx.network();
        String dev = attachment.hostInterface();
        if (net.requireLink(dev).mtu() == mtu) {
            return;
        }
        try {
            backend.setMtu(attachment, uplink, mtu, ctx);
            LOG.info("MTU {} of the DHCPv4 lease set on {}", mtu, dev);
        } catch (io.mosnet.api.plugin.MosnetException e) {
            LOG.warn("MTU {} of the DHCPv4 lease not set on {}: {}", mtu, dev, e.getMessage());
        }
    }

    /**
     * An earlier run's DHCPv4 lease that is not resumed (expired, or from another NIC): its address and routes count
     * as applied, so that the next lease replaces them (or, with the same address, leaves them as they are) and a
     * lost lease removes them, instead of staying beside the new ones.
     */
    synchronized void adopt(LeaseState earlier) {
        if (earlier.address() == null) {
            return;
        }
        HostNetwork net = ctx.network();
        int index = net.requireLink(attachment.hostInterface()).index();
        IpNetwork address = IpNetwork.parse(earlier.address());
        if (net.addresses(index).stream().anyMatch(a -> a.network().equals(address))) {
            appliedV4 = address;
            appliedRoutes = List.copyOf(routesOf(earlier, index));
        }
    }

    /**
     * The lease's routes through {@code index}: option 121's (or 3's) and, on the primary, the default route; routes
     * on the link first, then those through a gateway. A gateway outside the leased subnet (a /32 lease, as cloud
     * providers hand out) is on the link all the same, but the kernel takes a route through it only after a host
     * route to it ("Nexthop has invalid gateway"): one is added unless an on-link route of the lease covers it, as
     * systemd-networkd and dhcpcd do.
     */
    List<Route> routesOf(LeaseState lease, int index) {
        List<Route> onLink = new ArrayList<>();
        List<Route> viaGateway = new ArrayList<>();
        for (String r : lease.routes()) {
            Route route = classless(r, index);
            if (secondary == null || !route.isDefault()) {
                (route.gateway() == null ? onLink : viaGateway).add(route);
            }
        }
        if (lease.gateway() != null && secondary == null) {
            viaGateway.add(Route.defaultVia(IpAddresses.parse(lease.gateway()), index, false)
                    .withProtocol(Route.Protocol.DHCP));
        }
        IpNetwork subnet = IpNetwork.parse(lease.address());
        for (Route r : viaGateway) {
            InetAddress gw = r.gateway();
            if (!subnet.contains(gw) && onLink.stream().noneMatch(o -> o.destination().contains(gw))) {
                onLink.add(Route.hostRoute(gw, index).withProtocol(Route.Protocol.DHCP));
            }
        }
        List<Route> routes = new ArrayList<>(onLink);
        routes.addAll(viaGateway);
        return routes;
    }

    /** The same route for the kernel's main purposes: table, destination, gateway and device (not the metric). */
    static boolean sameRoute(Route a, Route b) {
        return a.table() == b.table() && a.destination().equals(b.destination())
                && java.util.Objects.equals(a.gateway(), b.gateway()) && a.linkIndex() == b.linkIndex();
    }

    /** The DHCPv6 lease whose address is {@code address} as it is on the bridge, if that is the one applied. */
    synchronized Optional<LeaseState> dhcpv6LeaseOf(IpNetwork address) {
        LeaseState l = leases.get("dhcpv6");
        return address.equals(appliedV6) && l != null ? Optional.of(l) : Optional.empty();
    }

    /** DHCPv6 IA_NA: one /128 on the bridge; SLAAC_ONLY (no server) is recorded but adds nothing. */
    private void applyV6(LeaseState lease) {
        String dev = attachment.hostInterface();
        IpNetwork address = lease.address() == null ? null : IpNetwork.parse(lease.address());
        if (appliedV6 != null && !appliedV6.equals(address)) {
            IpNetwork old = appliedV6;
            Removal.run(() -> ctx.network().deleteAddress(dev, old));
        }
        if (address != null) {
            backend.configureHost(new HostSetup(attachment, uplink, Mode.DHCP, hostAddresses(appliedV4, address),
                    appliedRoutes), ctx);
        }
        appliedV6 = address;
    }

    private static List<IpNetwork> hostAddresses(IpNetwork v4, IpNetwork v6) {
        List<IpNetwork> out = new ArrayList<>();
        if (v4 != null) {
            out.add(v4);
        }
        if (v6 != null) {
            out.add(v6);
        }
        return out;
    }

    /** {@code dest/len via gw} or {@code dest/len} (on-link), as the DHCPv4 source writes option 121 routes. */
    private static Route classless(String text, int index) {
        String[] parts = text.split(" via ");
        IpNetwork dest = IpNetwork.parse(parts[0].trim());
        InetAddress gw = parts.length > 1 ? IpAddresses.parse(parts[1].trim()) : null;
        return new Route(dest, gw, index, 0, gw == null ? Route.Scope.LINK : Route.Scope.UNIVERSE,
                Route.Protocol.DHCP, false, Route.MAIN_TABLE);
    }

    private void publish(String problem) {
        if (secondary != null) {
            publishSecondary(problem);
            return;
        }
        List<DnsSource> sources = new ArrayList<>();
        for (String p : DNS_ORDER) {
            LeaseState l = leases.get(p);
            if (l != null) {
                sources.add(new DnsSource(p, l.dns().stream().map(LeaseApplier::dnsAddress).toList(), l.domains()));
            }
        }
        ResolvConf conf = ResolvConf.merge(sources);
        if (!conf.isEmpty()) {
            try {
                resolvConf.write(conf);
            } catch (RuntimeException e) {
                LOG.error("cannot write {}: {}", resolvConf.path(), e.getMessage());
            }
        }
        List<Route> routes = appliedRoutes;
        IpNetwork v4 = appliedV4;
        IpNetwork v6addr = appliedV6;
        var d = delegation;
        List<String> prefixes = d == null ? List.of() : d.delegatedPrefixes().stream()
                .map(p -> p.prefix() + (p.assigned() == null ? "" : " (bridge " + p.assigned() + ")")).toList();
        status.update(s -> {
            // A second uplink's leases (keys with '@') are its own applier's.
            s.leases.keySet().removeIf(k -> !k.contains("@"));
            s.leases.putAll(leases);
            List<String> addrs = new ArrayList<>();
            if (v4 != null) {
                addrs.add(v4.toString());
            }
            if (v6addr != null) {
                addrs.add(v6addr.toString());
            }
            s.delegatedPrefixes = prefixes;
            s.addresses = addrs;
            s.routes = Daemon.routeStates(routes, attachment.hostInterface());
            s.dns = conf.nameservers().stream().map(IpAddresses::format).toList();
            s.searchDomains = conf.searchDomains();
            // Only the primary's own ("dhcpv4 lease lost: ..."), not a second uplink's ("mos1: dhcpv4 lease lost").
            s.problems.removeIf(p -> p.contains(" lease lost: ")
                    && p.indexOf(": ") == p.indexOf(" lease lost: ") + " lease lost".length()
                    || p.startsWith(APPLY_PROBLEM));
            if (problem != null) {
                s.problems.add(problem);
            }
        });
    }

    /** A second uplink: its own state entry and its leases under {@code <protocol>@<bridge>}, no resolv.conf. */
    private void publishSecondary(String problem) {
        String bridge = secondary.bridge();
        List<String> addrs = appliedV4 == null ? List.of() : List.of(appliedV4.toString());
        Map<String, LeaseState> mine = new LinkedHashMap<>();
        leases.forEach((protocol, l) -> mine.put(protocol + "@" + bridge, l));
        status.update(s -> {
            s.leases.keySet().removeIf(k -> k.endsWith("@" + bridge));
            s.leases.putAll(mine);
            s.uplinks.put(bridge, new UplinkState(bridge, secondary.nic(), secondary.mode(), secondary.vlan(), false,
                    addrs));
            s.problems.removeIf(p -> p.startsWith(bridge + ": ")
                    && (p.contains(" lease lost: ") || p.startsWith(bridge + ": " + APPLY_PROBLEM)));
            if (problem != null) {
                s.problems.add(bridge + ": " + problem);
            }
        });
    }

    private static InetAddress dnsAddress(String text) {
        int pct = text.indexOf('%');
        return IpAddresses.parse(pct < 0 ? text : text.substring(0, pct));
    }

}
