package io.mosnet.dhcp.v4;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.time.Timers;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.ServerMessageOption;
import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFC 2131 client for one interface. The states of section 4.4 (figure 5) are explicit, each entered through its
 * own {@code enter...} method; every incoming message is checked against the transaction, the hardware address and
 * the current state, and ignored with a logged reason when it does not fit. Time comes from a {@link Clock} and a
 * {@link Timers} seam, sockets from a {@link Dhcp4Transport}, so the whole machine runs in tests without waiting.
 *
 * <p>Thread safety: every entry point (start, received messages, timers, confirm, close) holds this object's lock;
 * the listener is called with it held, on whichever thread caused the change.
 */
public final class Dhcp4Client implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dhcp4Client.class);
    /** DHCPREQUEST tries in REQUESTING before going back to INIT: the 4-64 s backoff once through (~2 min). */
    static final int REQUEST_TRIES = 5;
    /** DHCPREQUEST tries in REBOOTING before keeping the stored lease (RFC 2131 section 3.2 step 3, ~30 s). */
    static final int REBOOT_TRIES = 3;
    /** RFC 2131 section 4.4.5: retransmit in RENEWING/REBINDING after half the remaining time, at least 60 s. */
    static final Duration MIN_EXTEND_RETRY = Duration.ofSeconds(60);
    static final Duration MAX_NAK_DELAY = Duration.ofSeconds(64);
    /** RFC 2131 section 4.4.1: after a DHCPDECLINE, wait at least ten seconds before starting over. */
    static final Duration DECLINE_DELAY = Duration.ofSeconds(10);
    /** The state name of a probe's offer handed over in {@code AddressRequest.previous}. */
    public static final String OFFERED = "OFFERED";

    private final ClientIdentity identity;
    private final MessageFactory messages;
    private final boolean classlessRoutes;
    private final boolean rapidCommit;
    private final Dhcp4Transport transport;
    private final Clock clock;
    private final Timers timers;
    private final RandomGenerator random;
    private final AddressListener listener;

    private Dhcp4State state = Dhcp4State.INIT;
    private boolean closed;
    private int xid;
    private Instant exchangeStart;
    private Backoff backoff;
    /** Bumped on every state entry: a retransmission timer of an earlier state then does nothing. */
    private long stateGeneration;
    /** Bumped whenever lease timers are re-armed or dropped. */
    private long leaseGeneration;
    private Timers.Timer stateTimer;
    private Timers.Timer[] leaseTimers = new Timers.Timer[0];
    private Inet4Address selectedServer;
    /** The lease held: BOUND, RENEWING, REBINDING, and while INIT-REBOOT/REBOOTING confirm it. */
    private Dhcp4Lease lease;
    private Duration nakDelay = Duration.ZERO;

    public Dhcp4Client(ClientIdentity identity, DhcpSettings settings, Dhcp4Transport transport, Clock clock,
                       Timers timers, RandomGenerator random, AddressListener listener) {
        this.identity = identity;
        this.messages = new MessageFactory(identity, settings.hostname(), settings.rapidCommit());
        this.classlessRoutes = settings.classlessRoutes();
        this.rapidCommit = settings.rapidCommit();
        this.transport = transport;
        this.clock = clock;
        this.timers = timers;
        this.random = random;
        this.listener = listener;
    }

    /**
     * Starts the client: with a stored, unexpired lease through INIT-REBOOT (keeping the address meanwhile), with a
     * probe's offer ({@link #OFFERED}) straight to REQUESTING, otherwise through INIT.
     */
    public synchronized void start(LeaseState previous) {
        transport.start(this::received);
        if (previous != null && OFFERED.equals(previous.state())) {
            newTransaction();
            enterRequesting(IpAddresses.parseIpv4(previous.address().split("/", 2)[0]),
                    IpAddresses.parseIpv4(previous.server()));
            return;
        }
        Dhcp4Lease stored = null;
        if (previous != null && previous.nic() != null && !previous.nic().equals(identity.nic())) {
            // A lease from another uplink means another network: confirming it could only waste the reboot timeout.
            LOG.info("{}: stored lease {} was obtained on {}, starting afresh", nic(), previous.address(),
                    previous.nic());
        } else if (previous != null) {
            try {
                stored = Dhcp4Lease.fromState(previous);
            } catch (RuntimeException e) {
                LOG.warn("{}: stored lease {} cannot be used, starting afresh: {}", nic(), previous.address(),
                        e.getMessage());
            }
        }
        if (stored != null && !stored.times().expired(clock.instant())) {
            lease = stored;
            armLeaseTimers(stored);
            enterInitReboot();
        } else {
            enterInit(Duration.ZERO);
        }
    }

    /** The link came back (carrier regained): confirm the lease now instead of waiting for T1 (RFC 2131 3.2). */
    public synchronized void confirm() {
        if (closed || state == Dhcp4State.INIT_REBOOT || state == Dhcp4State.REBOOTING) {
            return;
        }
        if (lease != null && !lease.times().expired(clock.instant())) {
            LOG.info("{}: link regained, confirming {} (INIT-REBOOT)", nic(), lease.address().getHostAddress());
            enterInitReboot();
        } else if (state == Dhcp4State.SELECTING || state == Dhcp4State.INIT) {
            LOG.info("{}: link regained, restarting discovery without waiting for the backoff", nic());
            enterInit(Duration.ZERO);
        }
    }

    public ClientIdentity identity() {
        return identity;
    }

    /**
     * The address of the lease held is in use by another host (its ARP probe was answered): sends a DHCPDECLINE to
     * the server that assigned it, drops the lease (the listener hears it lost) and starts over after ten seconds
     * (RFC 2131 section 4.4.1). Nothing happens when the lease held by now has another address, or none.
     *
     * @param why said to the server (option 56) and in the lost lease's reason, e.g. "in use by 52:54:00:..."
     */
    public synchronized void decline(Inet4Address address, String why) {
        if (closed || lease == null || !lease.address().equals(address)) {
            return;
        }
        Dhcp4Lease refused = lease;
        newTransaction();
        LOG.warn("{}: {} is {}: DHCPDECLINE to {}, starting over in {} s", nic(), address.getHostAddress(), why,
                refused.server().getHostAddress(), DECLINE_DELAY.toSeconds());
        broadcast(messages.decline(xid, address, refused.server(), "address " + why), Ipv4.ANY);
        dropLease("declined: " + address.getHostAddress() + " is " + why);
        enterInit(DECLINE_DELAY);
    }

    public synchronized Dhcp4State state() {
        return state;
    }

    public synchronized Optional<LeaseState> current() {
        return lease == null ? Optional.empty() : Optional.of(stateOf(lease));
    }

    /** Stops timers; the transport belongs to the caller. The address stays (AddressSession contract). */
    @Override
    public synchronized void close() {
        closed = true;
        cancelStateTimer();
        cancelLeaseTimers();
    }

    // ---- states (RFC 2131 figure 5)

    private void enterInit(Duration delay) {
        state = Dhcp4State.INIT;
        nextGeneration();
        newTransaction();
        if (delay.isZero()) {
            enterSelecting();
        } else {
            LOG.info("{}: restarting discovery in {} s", nic(), delay.toSeconds());
            stateTimer = timers.schedule(delay, guarded(this::enterSelecting));
        }
    }

    private void enterSelecting() {
        state = Dhcp4State.SELECTING;
        nextGeneration();
        backoff = new Backoff(random, 0);
        LOG.info("{}: DHCPDISCOVER xid 0x{}", nic(), Integer.toHexString(xid));
        retransmitting(() -> broadcast(messages.discover(xid, secs()), Ipv4.ANY), () -> { });
    }

    private void enterRequesting(Inet4Address offered, Inet4Address server) {
        state = Dhcp4State.REQUESTING;
        nextGeneration();
        selectedServer = server;
        backoff = new Backoff(random, REQUEST_TRIES);
        LOG.info("{}: DHCPREQUEST {} from server {}", nic(), offered.getHostAddress(), server.getHostAddress());
        int secs = secs();
        retransmitting(() -> broadcast(messages.requestOffer(xid, secs, offered, server), Ipv4.ANY), () -> {
            LOG.warn("{}: no DHCPACK from {} for {}, back to INIT", nic(), server.getHostAddress(),
                    offered.getHostAddress());
            enterInit(Duration.ZERO);
        });
    }

    private void enterBound(Dhcp4Lease granted) {
        Dhcp4Lease previous = lease;
        state = Dhcp4State.BOUND;
        nextGeneration();
        nakDelay = Duration.ZERO;
        lease = granted;
        if (previous != null && !granted.sameAddress(previous)) {
            tellLost(stateOf(previous), "server " + granted.server().getHostAddress() + " assigned "
                    + granted.address().getHostAddress() + " instead");
        }
        armLeaseTimers(granted);
        LOG.info("{}: BOUND to {}/{} from {}, renew at {}, expires at {}", nic(),
                granted.address().getHostAddress(), granted.prefixLength(), granted.server().getHostAddress(),
                granted.times().renewAt(), granted.times().expiresAt());
        tellChanged();
    }

    private void enterRenewing() {
        state = Dhcp4State.RENEWING;
        nextGeneration();
        newTransaction();
        LOG.info("{}: T1 reached, renewing {} with {}", nic(), lease.address().getHostAddress(),
                lease.server().getHostAddress());
        tellChanged();
        extend(lease.times().rebindAt(), () -> unicast(messages.requestExtend(xid, secs(), lease.address()),
                lease.address(), lease.server()));
    }

    private void enterRebinding() {
        state = Dhcp4State.REBINDING;
        nextGeneration();
        newTransaction();
        LOG.warn("{}: T2 reached without renewal, rebinding {} with any server", nic(),
                lease.address().getHostAddress());
        tellChanged();
        extend(lease.times().expiresAt(),
                () -> broadcast(messages.requestExtend(xid, secs(), lease.address()), lease.address()));
    }

    private void enterInitReboot() {
        state = Dhcp4State.INIT_REBOOT;
        nextGeneration();
        newTransaction();
        enterRebooting();
    }

    private void enterRebooting() {
        state = Dhcp4State.REBOOTING;
        nextGeneration();
        backoff = new Backoff(random, REBOOT_TRIES);
        Inet4Address address = lease.address();
        LOG.info("{}: DHCPREQUEST (INIT-REBOOT) to confirm {}", nic(), address.getHostAddress());
        tellChanged();
        int secs = secs();
        retransmitting(() -> broadcast(messages.requestReboot(xid, secs, address), Ipv4.ANY), () -> {
            if (lease != null && !lease.times().expired(clock.instant())) {
                // RFC 2131 section 3.2 step 3: with no answer the client may keep the unexpired lease.
                LOG.warn("{}: no answer to INIT-REBOOT, keeping {} until it is due for renewal", nic(),
                        address.getHostAddress());
                enterBound(lease);
            } else {
                if (lease != null) {
                    dropLease("no answer to INIT-REBOOT and the lease has expired");
                }
                enterInit(Duration.ZERO);
            }
        });
    }

    private void expire() {
        Dhcp4Lease lost = lease;
        LOG.warn("{}: lease on {} expired at {}", nic(), lost.address().getHostAddress(), lost.times().expiresAt());
        dropLease("lease expired at " + lost.times().expiresAt() + " without renewal");
        enterInit(Duration.ZERO);
    }

    // ---- incoming messages

    /** Called by the transport with each DHCP payload received on the link. */
    void received(byte[] payload) {
        synchronized (this) {
            if (closed) {
                return;
            }
            DhcpMessage m;
            try {
                m = DhcpMessage.parse(payload);
            } catch (DhcpParseException e) {
                LOG.debug("{}: ignored malformed message of {} bytes: {}", nic(), payload.length, e.getMessage());
                return;
            }
            handle(m);
        }
    }

    private void handle(DhcpMessage m) {
        if (m.op() != DhcpMessage.BOOTREPLY) {
            ignore(m, "not a BOOTREPLY");
            return;
        }
        if (m.xid() != xid) {
            ignore(m, "xid 0x" + Integer.toHexString(m.xid()) + " is not ours (0x" + Integer.toHexString(xid) + ")");
            return;
        }
        if (!m.chaddr().equals(identity.mac())) {
            ignore(m, "chaddr " + m.chaddr() + " is not ours (" + identity.mac() + ")");
            return;
        }
        MessageType type;
        Inet4Address server;
        try {
            type = m.type();
            server = m.serverId().orElse(null);
            Optional<byte[]> echoed = m.options().raw(OptionCode.CLIENT_ID);
            if (echoed.isPresent() && !Arrays.equals(echoed.get(), identity.clientId())) {
                // RFC 6842 section 3: a reply echoing another client identifier is not for us.
                ignore(m, "client identifier is not ours");
                return;
            }
        } catch (DhcpParseException e) {
            ignore(m, e.getMessage());
            return;
        }
        if (server == null) {
            ignore(m, "no server identifier (option 54 is required in OFFER, ACK and NAK, RFC 2131 table 3)");
            return;
        }
        switch (state) {
            case SELECTING -> {
                if (type == MessageType.OFFER) {
                    Dhcp4Lease offer = leaseOf(m);
                    if (offer != null) {
                        LOG.info("{}: DHCPOFFER {} from {}", nic(), offer.address().getHostAddress(),
                                server.getHostAddress());
                        enterRequesting(offer.address(), server);
                    }
                } else if (type == MessageType.ACK && rapidCommit && m.options().has(OptionCode.RAPID_COMMIT)) {
                    bind(m); // RFC 4039 section 4: the two-message exchange
                } else {
                    ignore(m, "a " + type + " does not fit SELECTING");
                }
            }
            case REQUESTING -> {
                if (!server.equals(selectedServer)) {
                    ignore(m, "from server " + server.getHostAddress() + ", not the selected "
                            + selectedServer.getHostAddress());
                } else if (type == MessageType.ACK) {
                    bind(m);
                } else if (type == MessageType.NAK) {
                    nak(m, server);
                } else {
                    ignore(m, "a " + type + " does not fit REQUESTING");
                }
            }
            case REBOOTING, RENEWING, REBINDING -> {
                if (type == MessageType.ACK) {
                    bind(m);
                } else if (type == MessageType.NAK) {
                    nak(m, server);
                } else {
                    ignore(m, "a " + type + " does not fit " + state.label());
                }
            }
            default -> ignore(m, "no exchange in progress");
        }
    }

    private void bind(DhcpMessage ack) {
        Dhcp4Lease granted = leaseOf(ack);
        if (granted != null) {
            enterBound(granted);
        }
    }

    private Dhcp4Lease leaseOf(DhcpMessage m) {
        try {
            return Dhcp4Lease.from(m, clock.instant(), classlessRoutes);
        } catch (DhcpParseException e) {
            ignore(m, e.getMessage());
            return null;
        }
    }

    private void nak(DhcpMessage m, Inet4Address server) {
        String text;
        try {
            text = m.options().decode(OptionCode.MESSAGE, ServerMessageOption::decode).orElse("");
        } catch (DhcpParseException e) {
            text = "";
        }
        String reason = "DHCPNAK from " + server.getHostAddress() + " in " + state.label()
                + (text.isEmpty() ? "" : ": " + text);
        LOG.warn("{}: {}", nic(), reason);
        if (lease != null) {
            dropLease(reason);
        }
        Duration delay = nakDelay;
        // A server that keeps refusing must not drive the client into a tight loop; RFC 2131 section 3.1 step 5.
        nakDelay = nakDelay.isZero() ? Duration.ofSeconds(2)
                : nakDelay.plus(nakDelay).compareTo(MAX_NAK_DELAY) > 0 ? MAX_NAK_DELAY : nakDelay.plus(nakDelay);
        enterInit(delay);
    }

    private void ignore(DhcpMessage m, String reason) {
        LOG.debug("{}: ignored {} in {}: {}", nic(), m, state.label(), reason);
    }

    // ---- timers and sending

    /** Arms T1, T2 and expiry for a lease; the one place they are set (order is asserted by LeaseTimes). */
    private void armLeaseTimers(Dhcp4Lease l) {
        cancelLeaseTimers();
        if (l.times().infinite()) {
            return;
        }
        Instant now = clock.instant();
        leaseTimers = new Timers.Timer[] {
            timers.schedule(until(now, l.times().renewAt()), leaseGuarded(() -> {
                if (state == Dhcp4State.BOUND) {
                    enterRenewing();
                }
            })),
            timers.schedule(until(now, l.times().rebindAt()), leaseGuarded(() -> {
                if (state == Dhcp4State.BOUND || state == Dhcp4State.RENEWING) {
                    enterRebinding();
                }
            })),
            timers.schedule(until(now, l.times().expiresAt()), leaseGuarded(this::expire)),
        };
    }

    private static Duration until(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void dropLease(String reason) {
        LeaseState lost = stateOf(lease);
        lease = null;
        cancelLeaseTimers();
        tellLost(lost, reason);
    }

    private void cancelLeaseTimers() {
        leaseGeneration++;
        for (Timers.Timer t : leaseTimers) {
            t.cancel();
        }
        leaseTimers = new Timers.Timer[0];
    }

    /** Sends now, then again after each backoff delay while the state lasts; {@code giveUp} once exhausted. */
    private void retransmitting(Runnable send, Runnable giveUp) {
        long generation = stateGeneration;
        send.run();
        if (generation != stateGeneration) {
            return; // a reply delivered during the send already moved the client on
        }
        stateTimer = timers.schedule(backoff.next(), guarded(() -> {
            if (backoff.exhausted()) {
                giveUp.run();
            } else {
                retransmitting(send, giveUp);
            }
        }));
    }

    /** RENEWING/REBINDING: send, and retry after half the time left until {@code deadline}, at least 60 s. */
    private void extend(Instant deadline, Runnable send) {
        long generation = stateGeneration;
        send.run();
        if (generation != stateGeneration) {
            return;
        }
        Duration half = Duration.between(clock.instant(), deadline).dividedBy(2);
        Duration wait = half.compareTo(MIN_EXTEND_RETRY) < 0 ? MIN_EXTEND_RETRY : half;
        stateTimer = timers.schedule(wait, guarded(() -> extend(deadline, send)));
    }

    private void broadcast(DhcpMessage m, Inet4Address source) {
        try {
            transport.broadcast(m.encode(), source);
        } catch (RuntimeException e) {
            LOG.warn("{}: sending {} failed, will retry: {}", nic(), m, e.getMessage(), e);
        }
    }

    private void unicast(DhcpMessage m, Inet4Address source, Inet4Address server) {
        try {
            transport.unicast(m.encode(), source, server);
        } catch (RuntimeException e) {
            LOG.warn("{}: sending {} to {} failed, will retry: {}", nic(), m, server.getHostAddress(),
                    e.getMessage(), e);
        }
    }

    private Runnable guarded(Runnable task) {
        long generation = stateGeneration;
        return () -> {
            synchronized (this) {
                if (!closed && generation == stateGeneration) {
                    task.run();
                }
            }
        };
    }

    private Runnable leaseGuarded(Runnable task) {
        long generation = leaseGeneration;
        return () -> {
            synchronized (this) {
                if (!closed && generation == leaseGeneration && lease != null) {
                    task.run();
                }
            }
        };
    }

    private void nextGeneration() {
        stateGeneration++;
        cancelStateTimer();
    }

    private void cancelStateTimer() {
        if (stateTimer != null) {
            stateTimer.cancel();
            stateTimer = null;
        }
    }

    /** A fresh transaction id from the (secure) random source; the exchange clock restarts. */
    private void newTransaction() {
        xid = random.nextInt();
        exchangeStart = clock.instant();
    }

    private int secs() {
        long s = Duration.between(exchangeStart, clock.instant()).toSeconds();
        return (int) Math.max(0, Math.min(0xffff, s));
    }

    // ---- listener

    private LeaseState stateOf(Dhcp4Lease l) {
        return l.toState(state.label(), identity.nic(), identity.clientIdHex());
    }

    private void tellChanged() {
        try {
            listener.leaseChanged(stateOf(lease));
        } catch (RuntimeException e) {
            LOG.error("{}: lease listener failed on {}", nic(), lease.address().getHostAddress(), e);
        }
    }

    private void tellLost(LeaseState lost, String reason) {
        try {
            listener.leaseLost(lost, reason);
        } catch (RuntimeException e) {
            LOG.error("{}: lease listener failed on losing {}", nic(), lost.address(), e);
        }
    }

    private String nic() {
        return identity.nic();
    }
}
