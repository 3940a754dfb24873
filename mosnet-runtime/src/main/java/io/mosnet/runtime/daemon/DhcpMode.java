package io.mosnet.runtime.daemon;

import io.mosnet.api.address.AddressProbe;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.AddressSource;
import io.mosnet.api.address.ProbeOutcome;
import io.mosnet.api.address.ProbeReport;
import io.mosnet.api.address.ProbeRequest;
import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginKind;
import io.mosnet.api.state.LeaseState;
import io.mosnet.runtime.dns.ResolvConfWriter;
import io.mosnet.runtime.probe.AddressConflictProbe;
import io.mosnet.runtime.state.StateLoadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import io.mosnet.api.state.UplinkState;
import io.mosnet.api.topology.TopologyPlan;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DHCP mode: DHCPDISCOVER on every candidate NIC at once (the bridge is staged meanwhile, {@link BridgeStaging}),
 * bridge the NIC whose offer ranks first, then run the DHCPv4 client (requesting that offer directly; the dhcpv4
 * source has already sent that request while the bridge was built) beside the RA DNS listener, and probe each new
 * address for a conflict ({@link ConflictWatch}). After a restart, the lease in the state file is kept on the bridge
 * and confirmed by INIT-REBOOT instead of probing again.
 */
final class DhcpMode {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpMode.class);

    private final RuntimeContext ctx;
    private final Plan plan;
    private final DaemonStatus status;
    private final StateLoadResult previous;
    private final Path resolvConf;
    private final TopologyPlan.Uplink uplink;
    private final Collection<String> bridges;
    private final List<AutoCloseable> running = new ArrayList<>();

    DhcpMode(RuntimeContext ctx, Plan plan, DaemonStatus status, StateLoadResult previous, Path resolvConf,
             TopologyPlan.Uplink uplink, Collection<String> bridges) {
        this.ctx = ctx;
        this.plan = plan;
        this.status = status;
        this.previous = previous;
        this.resolvConf = resolvConf;
        this.uplink = uplink;
        this.bridges = bridges;
    }

    /** Sessions and subscriptions that live as long as the daemon. */
    List<AutoCloseable> running() {
        return running;
    }

    /** Builds the uplink and waits for the first lease; returns the NIC it took. */
    Link configure(Set<String> taken) throws InterruptedException {
        MosnetConfig config = ctx.config();
        BridgeBackend backend = plan.backend();
        AddressSource dhcp = plan.dhcp();
        backend.preflight(ctx);

        boolean primary = uplink.defaultRoute();
        // The state file's lease is the primary's; a second uplink always starts afresh.
        Optional<LeaseState> stored = primary ? storedLease() : Optional.empty();
        Link nic;
        LeaseState start;
        if (stored.isPresent()) {
            nic = ctx.network().requireLink(stored.get().nic());
            start = stored.get();
            LOG.info("resuming DHCPv4 lease {} on {} from the state file", start.address(), nic.name());
        } else if (uplink.vlanId() != 0) {
            // The DHCP server is behind the tag: no probe on the raw NIC; the client DISCOVERs on the bridge.
            nic = UplinkNics.withoutProbe(uplink, UplinkNics.candidates(ctx.network(), uplink, bridges, taken));
            start = null;
        } else {
            ProbeReport report = probe(dhcp, config, taken);
            nic = ctx.network().requireLink(report.chosenNic());
            start = report.offer();
        }
        Link chosen = nic;
        status.update(s -> {
            if (primary) {
                s.nic = chosen.name();
                s.backend = backend.id();
            }
            s.uplinks.put(uplink.bridgeName(), new UplinkState(uplink.bridgeName(), chosen.name(), Mode.DHCP.label(),
                    uplink.vlanId(), uplink.defaultRoute(), List.of()));
        });

        BridgeAttachment attachment = backend.attach(new BridgeRequest(uplink.bridgeName(), nic, Mode.DHCP,
                uplink.vlanId(), uplink.mtu()), ctx);
        if (primary) {
            status.update(s -> s.hostInterface = attachment.hostInterface());
        }
        LeaseApplier applier = new LeaseApplier(ctx, backend, attachment, nic, status, new ResolvConfWriter(resolvConf),
                primary ? null : new UplinkState(uplink.bridgeName(), nic.name(), Mode.DHCP.label(), uplink.vlanId(),
                        false, List.of()));
        if (uplink.mtu() != 0) {
            applier.keepConfiguredMtu();
        }
        applier.prepare();
        boolean resuming = stored.isPresent() && stored.get().expiresAt() != null
                && stored.get().expiresAt().isAfter(ctx.clock().instant());
        previous.loadedState().ifPresent(earlier -> {
            if (!Mode.DHCP.label().equals(earlier.mode())) {
                // From static mode: its addresses and routes are not this configuration's.
                Leftovers.remove(ctx.network(), Optional.of(earlier), uplink.bridgeName(), attachment.hostInterface(),
                        List.of(), List.of());
            } else if (!resuming) {
                LeaseState old = earlier.leases().get(primary ? "dhcpv4" : "dhcpv4@" + uplink.bridgeName());
                if (old != null) {
                    applier.adopt(old);
                }
            }
        });
        ConflictWatch conflicts = new ConflictWatch(ctx.network(), new AddressConflictProbe(ctx.network()),
                attachment.hostInterface(), status);
        applier.watchConflicts(conflicts);
        if (resuming) {
            // Keep the network up while the client confirms the lease (INIT-REBOOT).
            applier.leaseChanged(stored.get());
        }
        AddressSession session = dhcp.start(new AddressRequest(attachment.hostInterface(), nic, start), applier, ctx);
        conflicts.session(session);
        running.add(session);

        Duration wait = config.dhcp().timeout().plusSeconds(30);
        if (!applier.bound().await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            closeAll();
            throw new MosnetException("no DHCPv4 lease on " + attachment.hostInterface() + " (uplink " + nic.name()
                    + ") within " + wait.toSeconds() + " s");
        }
        // The carrier watch and IPv6 (RA DNS, DHCPv6) once the IPv4 lease is on the bridge: starting them during the
        // DHCPv4 exchange only takes CPU from it, and the first RA or DHCPv6 reply is seconds away anyway.
        watchCarrier(nic);
        if (primary) {
            startRdnss(attachment, nic, applier);
            startDhcpv6(attachment, nic, applier);
        }
        return nic;
    }

    private ProbeReport probe(AddressSource dhcp, MosnetConfig config, Set<String> taken) {
        if (!(dhcp instanceof AddressProbe prober)) {
            throw new MosnetException("address source " + dhcp.id() + " cannot probe NICs");
        }
        List<Link> candidates = UplinkNics.candidates(ctx.network(), uplink, bridges, taken);
        if (candidates.isEmpty()) {
            throw new MosnetException("no candidate NIC for DHCP" + (config.nics().isEmpty() ? ""
                    : " among " + config.nics()));
        }
        BridgeStaging staging = BridgeStaging.start(plan.backend(), uplink.bridgeName(), candidates, ctx);
        ProbeReport report;
        try {
            report = prober.probe(new ProbeRequest(candidates), ctx);
        } finally {
            staging.await();
        }
        if (report.chosen().isEmpty()) {
            throw new MosnetException("no DHCP offer on any NIC within " + config.dhcp().timeout().toSeconds()
                    + " s: " + report.outcomes().stream().map(DhcpMode::describe).collect(Collectors.joining(", ")));
        }
        if (!report.silentNics().isEmpty()) {
            LOG.info("no DHCP offer on {}", String.join(", ", report.silentNics()));
        }
        LOG.info("DHCP probe chose {} (offer {})", report.chosenNic(), report.offer().address());
        return report;
    }

    private static String describe(ProbeOutcome o) {
        return o.nic() + " (" + o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (o.detail() == null || o.detail().isBlank() ? "" : ": " + o.detail()) + ")";
    }

    /** The DHCPv4 lease an earlier run stored, if its NIC is still here. */
    private Optional<LeaseState> storedLease() {
        return previous.loadedState().filter(s -> "dhcp".equals(s.mode()))
                .map(s -> s.leases().get("dhcpv4"))
                .filter(l -> l.nic() != null && l.address() != null && ctx.network().link(l.nic()).isPresent());
    }

    private void startRdnss(BridgeAttachment attachment, Link nic, LeaseApplier applier) {
        plan.registry().find(PluginKind.ADDRESS_SOURCE, AddressSource.class, "rdnss").ifPresent(rdnss ->
                running.add(rdnss.start(new AddressRequest(attachment.hostInterface(), nic, null), applier, ctx)));
    }

    /** DHCPv6 beside SLAAC ({@code mosdhcp6}, on by default); no server is not an error: the host stays on SLAAC. */
    private void startDhcpv6(BridgeAttachment attachment, Link nic, LeaseApplier applier) {
        if (!ctx.config().dhcp().dhcpv6()) {
            return;
        }
        Optional<AddressSource> v6 = plan.registry().find(PluginKind.ADDRESS_SOURCE, AddressSource.class, "dhcpv6");
        if (v6.isEmpty()) {
            LOG.info("no dhcpv6 address source installed; IPv6 from SLAAC only");
            return;
        }
        LeaseState stored = previous.loadedState().map(s -> s.leases().get("dhcpv6")).orElse(null);
        AddressSession session = v6.get().start(new AddressRequest(attachment.hostInterface(), nic, stored), applier, ctx);
        running.add(session);
        if (session instanceof io.mosnet.api.address.PrefixDelegation pd) {
            applier.delegation(pd);
        }
        DadWatch dad = new DadWatch(ctx.network().requireLink(attachment.hostInterface()), applier, session, status,
                ctx.scheduler());
        running.add(ctx.network().subscribe(EnumSet.of(NetworkEvent.Group.IPV6_ADDRESS), dad::onEvent));
    }

    /**
     * A lost carrier shows in the state and in {@code mosnet health} while it lasts. Subscribed after the first lease,
     * so the NIC's carrier is read once right after subscribing: a loss in between is not missed.
     */
    private void watchCarrier(Link nic) {
        running.add(ctx.network().subscribe(EnumSet.of(NetworkEvent.Group.LINK), e -> {
            if (e instanceof NetworkEvent.LinkChanged c && c.link().index() == nic.index() && !c.removed()) {
                showCarrier(nic, c.link().carrier());
            }
        }));
        ctx.network().link(nic.name()).ifPresent(now -> showCarrier(nic, now.carrier()));
    }

    private void showCarrier(Link nic, boolean carrier) {
        String problem = "no carrier on uplink " + nic.name();
        status.update(s -> {
            if (carrier) {
                s.problems.remove(problem);
            } else {
                s.problems.add(problem);
            }
        });
    }

    private void closeAll() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", c, e.getMessage());
            }
        }
        running.clear();
    }
}
