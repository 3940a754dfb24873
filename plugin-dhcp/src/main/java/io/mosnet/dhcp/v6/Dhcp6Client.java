package io.mosnet.dhcp.v6;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.time.Timers;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.Dhcp6ParseException;
import io.mosnet.dhcp.v6.wire.IaAddressOption;
import io.mosnet.dhcp.v6.wire.IaPrefixOption;
import io.mosnet.dhcp.v6.wire.MessageType;
import io.mosnet.dhcp.v6.wire.StatusCodeOption;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFC 8415 client for addresses (IA_NA) and delegated prefixes (IA_PD) on one interface.
 *
 * <p>Solicit, collect Advertises during the first RT and take the highest preference (the first on a tie, at once
 * on 255; after the first RT the first one that comes, section 18.2.9), Request, Reply, BOUND; Renew at T1 to the
 * server (unicast when it sent UNICAST, else multicast), Rebind at T2 to any server, and at the end of each valid
 * lifetime the address or prefix goes; when nothing is left the client starts over. Retransmission follows section
 * 15 with the parameters of section 7.6 ({@link Retransmission}).
 *
 * <p>Every incoming message is checked against the exchange in progress (type, transaction id, client and server
 * identifiers) and ignored with a logged reason when it does not fit. When no usable Advertise arrives within
 * {@link Dhcp6ClientSettings#noServerAfter()} the owner hears "SLAAC only" once, and Solicit goes on with its
 * back-off up to SOL_MAX_RT (3600 s, or what a server's SOL_MAX_RT option said).
 *
 * <p>Thread-safe: timers and the receive loop call in under the client's lock. Time comes from the injected clock
 * and timers, transaction ids and jitter from the injected random source (seeded from /dev/urandom in production).
 */
final class Dhcp6Client {

    private static final Logger LOG = LoggerFactory.getLogger(Dhcp6Client.class);

    /** All_DHCP_Relay_Agents_and_Servers (RFC 8415 section 7.1) on the server port. */
    static final InetSocketAddress ALL_SERVERS =
            new InetSocketAddress(IpAddresses.parseIpv6("ff02::1:2"), UdpDhcp6Transport.SERVER_PORT);
    /** SOL_MAX_DELAY (section 7.6): the first Solicit waits up to this long, so hosts booting together spread. */
    static final Duration SOL_MAX_DELAY = Duration.ofSeconds(1);
    private static final Duration IGNORE_LOG_INTERVAL = Duration.ofSeconds(10);

    private final String iface;
    private final Dhcp6Identity identity;
    private final Dhcp6ClientSettings settings;
    private final Dhcp6Transport transport;
    private final Clock clock;
    private final Timers timers;
    private final RandomGenerator random;
    private final Dhcp6Events events;

    private Dhcp6State state = Dhcp6State.STOPPED;
    private Exchange exchange;
    private Timers.Timer startTimer;
    private ReplyContent bestAdvertise;
    private Inet6Address bestFrom;
    private Dhcp6Lease lease;
    private Timers.Timer renewTimer;
    private Timers.Timer expiryTimer;
    private Timers.Timer noServerTimer;
    private boolean slaacOnly;
    private Duration solMaxRt = Retransmission.Params.SOLICIT.mrt();
    private List<Inet6Address> hints = List.of();
    private String lastIgnored;
    private Instant lastIgnoreLogged;
    private int ignoresNotLogged;

    /** One message exchange: its transaction id, its retransmission timer and how to (re)build its message. */
    private final class Exchange {
        final MessageType type;
        final int xid;
        final Retransmission rt;
        final MessageBuilder build;
        final Runnable failed;
        InetSocketAddress destination;
        Timers.Timer timer;

        Exchange(MessageType type, Retransmission rt, InetSocketAddress destination, MessageBuilder build,
                 Runnable failed) {
            this.type = type;
            this.xid = random.nextInt(1 << 24);
            this.rt = rt;
            this.destination = destination;
            this.build = build;
            this.failed = failed;
        }
    }

    @FunctionalInterface
    private interface MessageBuilder {
        Dhcp6Message build(int xid, Duration elapsed);
    }

    Dhcp6Client(String iface, Dhcp6Identity identity, Dhcp6ClientSettings settings, Dhcp6Transport transport,
                Clock clock, Timers timers, RandomGenerator random, Dhcp6Events events) {
        this.iface = iface;
        this.identity = identity;
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
        this.timers = timers;
        this.random = random;
        this.events = events;
    }

    /** Starts soliciting after the random delay of section 18.2.1. */
    synchronized void start() {
        start(List.of());
    }

    /**
     * Starts soliciting, suggesting {@code hints} (the address of an earlier run) in the IA_NA: section 18.2.1 lets
     * a client name the addresses it would like, so a host tends to get the same address back after a restart.
     */
    synchronized void start(List<Inet6Address> hints) {
        if (state != Dhcp6State.STOPPED) {
            throw new IllegalStateException("the DHCPv6 client on " + iface + " is already running");
        }
        this.hints = List.copyOf(hints);
        enterSoliciting(randomDelay(SOL_MAX_DELAY));
    }

    /** Stops timers and exchanges; the addresses stay (the owner decides about them). */
    synchronized void close() {
        cancel(startTimer);
        cancelExchange();
        cancelLeaseTimers();
        cancel(noServerTimer);
        state = Dhcp6State.STOPPED;
    }

    synchronized Dhcp6State state() {
        return state;
    }

    synchronized Optional<Dhcp6Lease> lease() {
        return Optional.ofNullable(lease);
    }

    /** Whether the client has reported that no server answers (and has not bound since). */
    synchronized boolean slaacOnly() {
        return slaacOnly;
    }

    /** Why the last incoming message was ignored, for tests and diagnostics. */
    synchronized String lastIgnored() {
        return lastIgnored;
    }

    /**
     * The link may have changed (carrier came back): verify the lease now with a Rebind, which any server on the
     * new link answers (section 18.2.12 allows Rebind in place of Confirm, and Confirm cannot carry IA_PD).
     */
    synchronized void linkChanged() {
        if (lease != null && (state == Dhcp6State.BOUND || state == Dhcp6State.RENEWING)) {
            LOG.info("{}: link changed, rebinding the DHCPv6 lease now", iface);
            enterRebinding();
        }
    }

    // ---- soliciting

    private void enterSoliciting(Duration delay) {
        cancelExchange();
        cancel(startTimer);
        state = Dhcp6State.SOLICITING;
        bestAdvertise = null;
        bestFrom = null;
        if (lease == null && !slaacOnly && noServerTimer == null) {
            noServerTimer = timers.schedule(settings.noServerAfter(), this::noServerTimeout);
        }
        startTimer = timers.schedule(delay, this::beginSolicit);
    }

    private synchronized void beginSolicit() {
        if (state != Dhcp6State.SOLICITING) {
            return;
        }
        begin(MessageType.SOLICIT, new Retransmission(Retransmission.Params.SOLICIT.withMrt(solMaxRt),
                        clock.instant(), random, true), ALL_SERVERS,
                (xid, elapsed) -> Dhcp6Messages.solicit(xid, identity, settings, hints, elapsed),
                () -> { });
    }

    private synchronized void noServerTimeout() {
        noServerTimer = null;
        if (lease == null && (state == Dhcp6State.SOLICITING || state == Dhcp6State.REQUESTING)) {
            slaacOnly = true;
            String message = "no DHCPv6 server on " + iface + " within " + settings.noServerAfter().toSeconds()
                    + " s: SLAAC only (still soliciting, at most every " + solMaxRt.toSeconds() + " s)";
            LOG.info(message);
            events.noServer(message);
        }
    }

    private void onAdvertise(ReplyContent c, Inet6Address from) {
        if (!c.hasBindings()) {
            ignore("ADVERTISE from " + IpAddresses.format(from) + " offers no address or prefix ("
                    + c.statuses() + ")");
            return;
        }
        if (c.preference() == 255 || !exchange.rt.isFirst()) {
            select(c, from);
        } else if (bestAdvertise == null || c.preference() > bestAdvertise.preference()) {
            bestAdvertise = c;
            bestFrom = from;
        }
    }

    private void select(ReplyContent advertise, Inet6Address from) {
        LOG.info("{}: chose DHCPv6 server {} at {} (preference {})", iface, advertise.serverId(),
                IpAddresses.format(from), advertise.preference());
        List<Inet6Address> addresses = advertise.iaNa() == null ? List.of() : advertise.iaNa().addresses().stream()
                .filter(IaAddressOption::isUsable).map(IaAddressOption::address).toList();
        List<IpNetwork> prefixes = advertise.iaPd() == null ? List.of() : advertise.iaPd().prefixes().stream()
                .filter(IaPrefixOption::isUsable).map(IaPrefixOption::prefix).toList();
        enterRequesting(advertise.serverId(), advertise.unicast(), addresses, prefixes);
    }

    // ---- requesting

    private void enterRequesting(Duid server, Inet6Address unicast, List<Inet6Address> addresses,
                                 List<IpNetwork> prefixes) {
        state = Dhcp6State.REQUESTING;
        begin(MessageType.REQUEST, new Retransmission(Retransmission.Params.REQUEST, clock.instant(), random, false),
                unicast == null ? ALL_SERVERS : new InetSocketAddress(unicast, UdpDhcp6Transport.SERVER_PORT),
                (xid, elapsed) -> Dhcp6Messages.request(xid, identity, settings, server, addresses, prefixes,
                        elapsed),
                () -> {
                    LOG.warn("{}: no REPLY to REQUEST from {} after {} tries; soliciting again", iface, server,
                            Retransmission.Params.REQUEST.mrc());
                    enterSoliciting(Duration.ZERO);
                });
    }

    // ---- bound, renewing, rebinding

    private void bind(Dhcp6Lease newLease, String how) {
        cancelExchange();
        cancelLeaseTimers();
        cancel(noServerTimer);
        noServerTimer = null;
        slaacOnly = false;
        lease = newLease;
        state = Dhcp6State.BOUND;
        LOG.info("{}: DHCPv6 {}: {}", iface, how, newLease);
        scheduleLeaseTimers();
        events.leaseChanged(newLease);
    }

    private void scheduleLeaseTimers() {
        Instant now = clock.instant();
        if (lease.renewAt() != null) {
            renewTimer = timers.schedule(between(now, lease.renewAt()), this::renewTimeout);
        }
        scheduleExpiry(now);
    }

    private void scheduleExpiry(Instant now) {
        cancel(expiryTimer);
        Instant next = lease.nextExpiry();
        expiryTimer = next == null ? null : timers.schedule(between(now, next), this::expire);
    }

    private synchronized void renewTimeout() {
        if (state == Dhcp6State.BOUND && lease != null) {
            enterRenewing();
        }
    }

    private void enterRenewing() {
        Instant now = clock.instant();
        if (lease.rebindAt() != null && !lease.rebindAt().isAfter(now)) {
            enterRebinding();
            return;
        }
        state = Dhcp6State.RENEWING;
        Retransmission.Params p = Retransmission.Params.RENEW;
        if (lease.rebindAt() != null) {
            p = p.withMrd(Duration.between(now, lease.rebindAt()));
        }
        begin(MessageType.RENEW, new Retransmission(p, now, random, false),
                lease.unicast() == null ? ALL_SERVERS
                        : new InetSocketAddress(lease.unicast(), UdpDhcp6Transport.SERVER_PORT),
                (xid, elapsed) -> Dhcp6Messages.renew(xid, identity, settings, lease, elapsed),
                this::enterRebinding);
    }

    private void enterRebinding() {
        Instant now = clock.instant();
        state = Dhcp6State.REBINDING;
        Retransmission.Params p = Retransmission.Params.REBIND;
        if (lease.expiresAt() != null) {
            // MRD ends with the last valid lifetime (section 18.2.5); at least 1 ms so that 0 never means "none".
            p = p.withMrd(max(Duration.ofMillis(1), Duration.between(now, lease.expiresAt())));
        }
        begin(MessageType.REBIND, new Retransmission(p, now, random, false), ALL_SERVERS,
                (xid, elapsed) -> Dhcp6Messages.rebind(xid, identity, settings, lease, elapsed),
                this::expire);
    }

    /** Drops what has ended; when nothing is left, the lease is lost and the client starts over. */
    private synchronized void expire() {
        if (lease == null) {
            return;
        }
        Instant now = clock.instant();
        Dhcp6Lease rest = lease.withoutExpired(now);
        if (rest.isEmpty()) {
            Dhcp6Lease old = lease;
            lease = null;
            cancelLeaseTimers();
            LOG.warn("{}: every DHCPv6 address and prefix reached its valid lifetime; soliciting again", iface);
            events.leaseLost(old, "valid lifetime ended");
            enterSoliciting(randomDelay(SOL_MAX_DELAY));
        } else if (rest != lease) {
            lease = rest;
            LOG.info("{}: some DHCPv6 bindings ended, still holding {}", iface, rest);
            scheduleExpiry(now);
            events.leaseChanged(rest);
        } else {
            scheduleExpiry(now);
        }
    }

    // ---- declining

    /**
     * The link already uses a leased address (the kernel's duplicate address detection failed, RFC 8415 section
     * 18.2.8): the address is dropped at once (the owner hears the lease changed, or lost when nothing else is left)
     * and declined to the server that gave it, with DEC_TIMEOUT and DEC_MAX_RC; after its Reply, or the last try,
     * the client goes on with what is left, or solicits again. Nothing happens for an address the client does not
     * hold.
     */
    synchronized void decline(Inet6Address address, String why) {
        if (lease == null || lease.addresses().stream().noneMatch(a -> a.address().equals(address))) {
            return;
        }
        Dhcp6Lease declined = lease;
        Dhcp6Lease rest = lease.without(address);
        LOG.warn("{}: {} {}: DECLINE to {}", iface, IpAddresses.format(address), why, declined.serverId());
        if (rest.isEmpty()) {
            lease = null;
            cancelLeaseTimers();
            events.leaseLost(declined, "declined: " + IpAddresses.format(address) + " " + why);
        } else {
            lease = rest;
            events.leaseChanged(rest);
        }
        state = Dhcp6State.DECLINING;
        begin(MessageType.DECLINE, new Retransmission(Retransmission.Params.DECLINE, clock.instant(), random, false),
                declined.unicast() == null ? ALL_SERVERS
                        : new InetSocketAddress(declined.unicast(), UdpDhcp6Transport.SERVER_PORT),
                (xid, elapsed) -> Dhcp6Messages.decline(xid, identity, declined.serverId(), address, elapsed),
                () -> {
                    LOG.info("{}: no REPLY to DECLINE of {} after {} tries", iface, IpAddresses.format(address),
                            Retransmission.Params.DECLINE.mrc());
                    declined();
                });
    }

    /** The Decline is over: on with what the lease still holds, or from the start. */
    private void declined() {
        cancelExchange();
        if (lease == null) {
            enterSoliciting(randomDelay(SOL_MAX_DELAY));
        } else {
            state = Dhcp6State.BOUND;
            cancelLeaseTimers();
            scheduleLeaseTimers();
        }
    }

    // ---- receiving

    /** Handles one datagram from the transport. */
    synchronized void receive(byte[] data, InetSocketAddress source) {
        Inet6Address from = source != null && source.getAddress() instanceof Inet6Address a ? a : null;
        String fromText = from == null ? String.valueOf(source) : IpAddresses.format(from);
        Dhcp6Message m;
        ReplyContent c;
        try {
            m = Dhcp6Message.parse(data);
        } catch (Dhcp6ParseException e) {
            ignore("malformed datagram from " + fromText + ": " + e.getMessage());
            return;
        }
        if (m.type() != MessageType.ADVERTISE && m.type() != MessageType.REPLY) {
            ignore(m.type() + " from " + fromText + " is not an answer this client handles");
            return;
        }
        if (exchange == null) {
            ignore(m.type() + " from " + fromText + ": no exchange in progress (" + state + ")");
            return;
        }
        if (m.transactionId() != exchange.xid) {
            ignore(m.type() + " from " + fromText + " has transaction id " + m.transactionIdHex() + ", expected "
                    + String.format("%06x", exchange.xid));
            return;
        }
        try {
            c = ReplyContent.read(m, identity.iaid());
        } catch (Dhcp6ParseException e) {
            ignore(m.type() + " from " + fromText + " is malformed: " + e.getMessage());
            return;
        }
        if (c.clientId() == null || !c.clientId().equals(identity.duid())) {
            ignore(m.type() + " from " + fromText + " is for client " + (c.clientId() == null ? "(none)"
                    : c.clientId().hex()) + ", not " + identity.duid().hex());
            return;
        }
        if (c.serverId() == null) {
            ignore(m.type() + " from " + fromText + " has no server identifier");
            return;
        }
        c.notes().forEach(n -> LOG.info("{}: {} from {}: {}", iface, m.type(), fromText, n));
        if (c.solMaxRt() != null) {
            solMaxRt = c.solMaxRt();
        }
        if (m.type() == MessageType.ADVERTISE) {
            if (exchange.type != MessageType.SOLICIT) {
                ignore("ADVERTISE from " + fromText + " while " + state);
                return;
            }
            onAdvertise(c, from);
        } else {
            onReply(c, from, fromText);
        }
    }

    private void onReply(ReplyContent c, Inet6Address from, String fromText) {
        MessageType sent = exchange.type;
        if (sent == MessageType.DECLINE) {
            // Section 18.2.10.2: whatever its status, the Reply ends the exchange.
            LOG.info("{}: server {} answered the DECLINE{}", iface, c.serverId(),
                    c.status() == null ? "" : ": " + c.status());
            declined();
            return;
        }
        if (sent == MessageType.SOLICIT) {
            if (settings.rapidCommit() && c.rapidCommit()) {
                acceptReply(c, from, null, "bound by rapid commit");
            } else {
                ignore("REPLY from " + fromText + " to SOLICIT without rapid commit");
            }
            return;
        }
        if (c.status() != null && c.status().code() == StatusCodeOption.USE_MULTICAST) {
            // Section 18.2.10: send again, to the multicast group this time.
            LOG.info("{}: server asks for multicast; resending {}", iface, sent);
            exchange.destination = ALL_SERVERS;
            cancel(exchange.timer);
            transmit(exchange);
            return;
        }
        if (c.status() != null && !c.status().isSuccess()) {
            ignore("REPLY from " + fromText + " to " + sent + " failed: " + c.status());
            return;
        }
        if (sent == MessageType.REQUEST) {
            if (c.iaStatus(StatusCodeOption.NOT_ON_LINK)) {
                LOG.warn("{}: server {} says NotOnLink; soliciting again", iface, c.serverId());
                enterSoliciting(Duration.ZERO);
                return;
            }
            acceptReply(c, from, null, "bound");
        } else if (c.iaStatus(StatusCodeOption.NO_BINDING) && lease != null) {
            // Section 18.2.10.1: the server lost our binding; ask it to create one with a Request.
            LOG.info("{}: server {} has no binding for us ({}); requesting again", iface, c.serverId(),
                    c.statuses());
            enterRequesting(c.serverId(), c.unicast(), Dhcp6Messages.held(lease),
                    Dhcp6Messages.heldPrefixes(lease));
        } else {
            acceptReply(c, from, lease, sent == MessageType.RENEW ? "renewed" : "rebound");
        }
    }

    private void acceptReply(ReplyContent c, Inet6Address from, Dhcp6Lease previous, String how) {
        if (c.iaNa() != null && c.iaStatus(StatusCodeOption.NO_ADDRS_AVAIL)) {
            LOG.info("{}: server {} has no address for us: {}", iface, c.serverId(), c.statuses());
        }
        if (c.iaPd() != null && c.iaStatus(StatusCodeOption.NO_PREFIX_AVAIL)) {
            LOG.info("{}: server {} has no prefix for us: {}", iface, c.serverId(), c.statuses());
        }
        Dhcp6Lease next = Dhcp6Lease.from(c, from, clock.instant(), previous);
        if (!next.isEmpty()) {
            bind(next, how);
            return;
        }
        if (previous == null) {
            LOG.warn("{}: server {} gave nothing ({}); soliciting again", iface, c.serverId(), c.statuses());
            enterSoliciting(randomDelay(SOL_MAX_DELAY));
        } else {
            Dhcp6Lease old = lease;
            lease = null;
            cancelLeaseTimers();
            LOG.warn("{}: server {} withdrew every binding ({}); soliciting again", iface, c.serverId(),
                    c.statuses());
            events.leaseLost(old, "withdrawn by the server: " + c.statuses());
            enterSoliciting(randomDelay(SOL_MAX_DELAY));
        }
    }

    // ---- exchanges

    private void begin(MessageType type, Retransmission rt, InetSocketAddress destination, MessageBuilder build,
                       Runnable failed) {
        cancelExchange();
        Exchange e = new Exchange(type, rt, destination, build, failed);
        exchange = e;
        transmit(e);
    }

    private void transmit(Exchange e) {
        Instant now = clock.instant();
        Dhcp6Message m = e.build.build(e.xid, Duration.between(e.rt.start(), now));
        try {
            transport.send(m.encode(), e.destination);
            LOG.debug("{}: sent {} to {}", iface, m, e.destination);
        } catch (IOException | RuntimeException ex) {
            // Retransmission is the retry: the link-local address may still be tentative, the link down.
            LOG.warn("{}: sending {} to {} failed (will retry): {}", iface, e.type, e.destination, ex.toString());
        }
        Duration wait = e.rt.afterTransmission(now);
        e.timer = timers.schedule(wait, () -> timeout(e));
    }

    private synchronized void timeout(Exchange e) {
        if (exchange != e) {
            return;
        }
        if (e.type == MessageType.SOLICIT && bestAdvertise != null) {
            select(bestAdvertise, bestFrom);
            return;
        }
        if (e.rt.exhausted(clock.instant())) {
            exchange = null;
            e.failed.run();
            return;
        }
        transmit(e);
    }

    private void cancelExchange() {
        if (exchange != null) {
            cancel(exchange.timer);
            exchange = null;
        }
    }

    private void cancelLeaseTimers() {
        cancel(renewTimer);
        cancel(expiryTimer);
        renewTimer = null;
        expiryTimer = null;
    }

    /**
     * Notes why a message was ignored. Logged at INFO at most every {@link #IGNORE_LOG_INTERVAL} (the rest at DEBUG,
     * counted), so that a peer flooding the link with junk cannot flood the log.
     */
    private void ignore(String reason) {
        lastIgnored = reason;
        Instant now = clock.instant();
        if (lastIgnoreLogged == null || !now.isBefore(lastIgnoreLogged.plus(IGNORE_LOG_INTERVAL))) {
            LOG.info("{}: ignored {}{}", iface, reason, ignoresNotLogged == 0 ? ""
                    : " (and " + ignoresNotLogged + " more since the last report)");
            lastIgnoreLogged = now;
            ignoresNotLogged = 0;
        } else {
            ignoresNotLogged++;
            LOG.debug("{}: ignored {}", iface, reason);
        }
    }

    private Duration randomDelay(Duration max) {
        return Duration.ofMillis((long) (random.nextDouble() * max.toMillis()));
    }

    private static void cancel(Timers.Timer t) {
        if (t != null) {
            t.cancel();
        }
    }

    private static Duration between(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
