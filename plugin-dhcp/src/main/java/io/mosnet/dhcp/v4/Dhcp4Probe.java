package io.mosnet.dhcp.v4;

import io.mosnet.api.address.ProbeOutcome;
import io.mosnet.api.address.ProbeReport;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.time.Timers;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the uplink: sends DHCPDISCOVER on every candidate NIC at once and ranks the offers, RFC 1918 addresses
 * first when {@code mosdhcp_prefer_private} is on (public first when off), earlier answers before later ones of the
 * same kind. It decides as soon as the choice cannot change: the first offer of the preferred kind wins outright,
 * and otherwise the probe ends when every NIC has answered or the timeout passed.
 *
 * <p>The probe never asks for rapid commit, so no server commits a lease on a NIC that will not be used; the
 * client then requests the chosen offer (SELECTING to REQUESTING), carrying on with the chosen NIC's transport
 * ({@link #handOver}) while the runtime builds the bridge.
 */
public final class Dhcp4Probe {

    private static final Logger LOG = LoggerFactory.getLogger(Dhcp4Probe.class);

    private final List<Attempt> attempts = new ArrayList<>();
    private final List<Link> noCarrier = new ArrayList<>();
    private final List<Link> unusable = new ArrayList<>();
    private final List<Link> order = new ArrayList<>();
    private final DhcpSettings settings;
    private final Clock clock;
    private final Timers timers;
    private final RandomGenerator random;
    private final CompletableFuture<ProbeReport> result = new CompletableFuture<>();
    private Timers.Timer deadline;
    private int arrivals;
    private boolean done;
    private Attempt chosen;
    /** Where the chosen NIC's replies go once the probe is done and has handed its transport over. */
    private HandedOver handedOver;

    /**
     * @param candidates NIC to its transport, in the runtime's order; null for a NIC that could not be opened
     *                   (links without carrier are not asked whatever they map to)
     * @param duids      the host's DUIDs, for the client identifier each NIC uses (the same the client will use)
     */
    public Dhcp4Probe(Map<Link, Dhcp4Transport> candidates, DhcpSettings settings, DuidSource duids, Clock clock,
                      Timers timers, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.random = random;
        for (Map.Entry<Link, Dhcp4Transport> e : new LinkedHashMap<>(candidates).entrySet()) {
            Link link = e.getKey();
            order.add(link);
            if (!link.carrier()) {
                noCarrier.add(link);
            } else if (e.getValue() == null) {
                unusable.add(link);
            } else {
                ClientIdentity id = ClientIdentity.of(link.name(), link.mac(), duids.duid(link.mac()));
                attempts.add(new Attempt(link, e.getValue(), id,
                        new MessageFactory(id, settings.hostname(), false)));
            }
        }
    }

    /** Starts every NIC's exchange; the future completes once the choice is made. */
    public synchronized CompletableFuture<ProbeReport> start() {
        if (attempts.isEmpty()) {
            finish("no candidate NIC can be asked");
            return result;
        }
        deadline = timers.schedule(settings.timeout(), () -> {
            synchronized (this) {
                finish("timeout of " + settings.timeout().toSeconds() + " s");
            }
        });
        for (Attempt a : attempts) {
            a.transport.start(payload -> received(a, payload));
            a.xid = random.nextInt();
            a.backoff = new Backoff(random, 0);
            a.started = clock.instant();
            LOG.info("{}: probing with DHCPDISCOVER xid 0x{}", a.link.name(), Integer.toHexString(a.xid));
            discover(a);
        }
        return result;
    }

    private void discover(Attempt a) {
        if (done || a.offer != null) {
            return;
        }
        int secs = (int) Math.min(0xffff, Duration.between(a.started, clock.instant()).toSeconds());
        try {
            a.transport.broadcast(a.messages.discover(a.xid, secs).encode(), Ipv4.ANY);
        } catch (RuntimeException e) {
            a.failure = e.getMessage();
            LOG.warn("{}: sending DHCPDISCOVER failed: {}", a.link.name(), e.getMessage(), e);
        }
        if (done || a.offer != null) {
            return; // answered while sending
        }
        a.timer = timers.schedule(a.backoff.next(), () -> {
            synchronized (this) {
                discover(a);
            }
        });
    }

    void received(Attempt a, byte[] payload) {
        HandedOver next;
        synchronized (this) {
            next = done && a == chosen ? handedOver : null;
        }
        if (next != null) {
            next.deliver(payload);
            return;
        }
        synchronized (this) {
            if (done || a.offer != null) {
                return;
            }
            String reason;
            try {
                DhcpMessage m = DhcpMessage.parse(payload);
                reason = check(a, m);
                if (reason == null) {
                    Dhcp4Lease offer = Dhcp4Lease.from(m, clock.instant(), settings.classlessRoutes());
                    offered(a, offer);
                    return;
                }
            } catch (DhcpParseException e) {
                reason = e.getMessage();
            }
            LOG.debug("{}: ignored a reply during the probe: {}", a.link.name(), reason);
        }
    }

    private static String check(Attempt a, DhcpMessage m) {
        if (m.op() != DhcpMessage.BOOTREPLY) {
            return "not a BOOTREPLY";
        }
        if (m.xid() != a.xid) {
            return "xid 0x" + Integer.toHexString(m.xid()) + " is not ours";
        }
        if (!m.chaddr().equals(a.link.mac())) {
            return "chaddr " + m.chaddr() + " is not ours";
        }
        if (m.type() != MessageType.OFFER) {
            return "a " + m.type() + " while waiting for DHCPOFFER";
        }
        Optional<byte[]> echoed = m.options().raw(OptionCode.CLIENT_ID);
        if (echoed.isPresent() && !Arrays.equals(echoed.get(), a.identity.clientId())) {
            return "client identifier is not ours";
        }
        return null;
    }

    private void offered(Attempt a, Dhcp4Lease offer) {
        a.offer = offer;
        a.arrival = ++arrivals;
        if (a.timer != null) {
            a.timer.cancel();
        }
        LOG.info("{}: DHCPOFFER {}/{} from {}", a.link.name(), offer.address().getHostAddress(),
                offer.prefixLength(), offer.server().getHostAddress());
        if (preferred(offer)) {
            finish("a preferred offer arrived");
        } else if (attempts.stream().allMatch(x -> x.offer != null)) {
            finish("every NIC answered");
        }
    }

    /** RFC 1918 when prefer-private is on; anything else when it is off. */
    private boolean preferred(Dhcp4Lease offer) {
        return IpAddresses.isRfc1918(offer.address()) == settings.preferPrivate();
    }

    private void finish(String why) {
        if (done) {
            return;
        }
        done = true;
        if (deadline != null) {
            deadline.cancel();
        }
        Attempt best = null;
        for (Attempt a : attempts) {
            if (a.timer != null) {
                a.timer.cancel();
            }
            if (a.offer != null && (best == null || rank(a) < rank(best))) {
                best = a;
            }
        }
        chosen = best;
        List<ProbeOutcome> outcomes = new ArrayList<>();
        for (Link link : order) {
            outcomes.add(outcome(link, why));
        }
        ProbeReport report = best == null ? new ProbeReport(null, null, outcomes)
                : new ProbeReport(best.link.name(), stateOf(best), outcomes);
        LOG.info("DHCP probe decided ({}): {}", why, best == null ? "no offer on any NIC"
                : best.link.name() + " with " + best.offer.address().getHostAddress());
        if (!report.silentNics().isEmpty()) {
            LOG.warn("DHCP probe: no offer within {} s on {}", settings.timeout().toSeconds(),
                    String.join(", ", report.silentNics()));
        }
        result.complete(report);
    }

    /**
     * Once the probe is done: the chosen NIC's transport, still open and reading, for the client to carry on with
     * (the offer's DHCPREQUEST then leaves at once, while the bridge is built); null when nothing was chosen. The
     * caller closes every other transport, and this one through what it returns. Replies that arrive before the
     * returned transport is started are dropped, as they would be by a transport not yet open.
     */
    public synchronized Dhcp4Transport handOver() {
        if (!done || chosen == null) {
            return null;
        }
        if (handedOver == null) {
            handedOver = new HandedOver(chosen.transport);
        }
        return handedOver;
    }

    /** The chosen NIC's transport after the probe: started again by its new owner, the probe's reader delivers to it. */
    private static final class HandedOver implements Dhcp4Transport {
        private final Dhcp4Transport underlying;
        private volatile java.util.function.Consumer<byte[]> receiver;

        HandedOver(Dhcp4Transport underlying) {
            this.underlying = underlying;
        }

        void deliver(byte[] payload) {
            java.util.function.Consumer<byte[]> r = receiver;
            if (r != null) {
                r.accept(payload);
            }
        }

        @Override
        public void start(java.util.function.Consumer<byte[]> r) {
            if (receiver != null) {
                throw new IllegalStateException("the probe's transport was already taken over");
            }
            receiver = r;
        }

        @Override
        public void broadcast(byte[] message, java.net.Inet4Address source) {
            underlying.broadcast(message, source);
        }

        @Override
        public void unicast(byte[] message, java.net.Inet4Address source, java.net.Inet4Address server) {
            underlying.unicast(message, source, server);
        }

        @Override
        public void close() {
            underlying.close();
        }
    }

    private long rank(Attempt a) {
        return (preferred(a.offer) ? 0L : 1L << 32) + a.arrival;
    }

    private ProbeOutcome outcome(Link link, String why) {
        if (noCarrier.contains(link)) {
            return new ProbeOutcome(link.name(), ProbeOutcome.Status.NO_CARRIER, null, "no carrier");
        }
        if (unusable.contains(link)) {
            return new ProbeOutcome(link.name(), ProbeOutcome.Status.FAILED, null, "packet channel could not be opened");
        }
        Attempt a = attempts.stream().filter(x -> x.link.equals(link)).findFirst().orElseThrow();
        if (a.offer != null) {
            return new ProbeOutcome(link.name(), ProbeOutcome.Status.OFFERED, stateOf(a),
                    "offered " + a.offer.address().getHostAddress() + "/" + a.offer.prefixLength() + " by "
                            + a.offer.server().getHostAddress());
        }
        if (a.failure != null) {
            return new ProbeOutcome(link.name(), ProbeOutcome.Status.FAILED, null, a.failure);
        }
        if (why.startsWith("timeout")) {
            return new ProbeOutcome(link.name(), ProbeOutcome.Status.NO_OFFER, null,
                    "no DHCPOFFER within " + settings.timeout().toSeconds() + " s");
        }
        return new ProbeOutcome(link.name(), ProbeOutcome.Status.NOT_AWAITED, null,
                "not awaited: " + why);
    }

    private static LeaseState stateOf(Attempt a) {
        return a.offer.toState(Dhcp4Client.OFFERED, a.link.name(), a.identity.clientIdHex());
    }

    /** One NIC's exchange. */
    static final class Attempt {
        final Link link;
        final Dhcp4Transport transport;
        final ClientIdentity identity;
        final MessageFactory messages;
        int xid;
        Backoff backoff;
        Instant started;
        Timers.Timer timer;
        Dhcp4Lease offer;
        int arrival;
        String failure;

        Attempt(Link link, Dhcp4Transport transport, ClientIdentity identity, MessageFactory messages) {
            this.link = link;
            this.transport = transport;
            this.identity = identity;
            this.messages = messages;
        }
    }
}
