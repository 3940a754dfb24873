package io.mosnet.rdnss;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.state.LeaseState;
import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the RDNSS and DNSSL options of router advertisements on one interface and reports the merged set to
 * an {@link AddressListener} whenever it changes: when a router announces something new or withdraws it (lifetime
 * 0), and when lifetimes run out without a refresh. Expiry runs on the injected scheduler at the moment the next
 * entry lapses.
 *
 * <p>Events and expiry ticks arrive on different threads; both take the session's lock, and the listener is called
 * with it held so that reports arrive in order. A listener must therefore not wait for another thread that uses
 * this session.
 */
final class RdnssSession implements AddressSession {

    static final String PROTOCOL = "ra";
    static final String STATE = "LEARNED";

    /** ICMPv6 router advertisement (RFC 4861 §4.2); the kernel also passes on options of other ND messages. */
    static final int ROUTER_ADVERTISEMENT = 134;

    /** Re-check at least this often, so that a step of the wall clock cannot postpone expiry for long. */
    static final Duration MAX_TICK = Duration.ofSeconds(60);

    static final String EXPIRED = "lifetimes expired without a refresh from the routers";

    private static final Logger LOG = LoggerFactory.getLogger(RdnssSession.class);

    private final String hostInterface;
    private final int linkIndex;
    private final AddressListener listener;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final RouterDnsStore store;
    private final Object lock = new Object();

    private AutoCloseable subscription;
    private ScheduledFuture<?> tick;
    private DnsSnapshot reported = DnsSnapshot.EMPTY;
    private LeaseState lastLease;
    private Instant learnedAt;
    private boolean malformedWarned;
    private boolean closed;

    RdnssSession(String hostInterface, int linkIndex, AddressListener listener, Clock clock,
                 ScheduledExecutorService scheduler, RouterDnsStore store) {
        this.hostInterface = hostInterface;
        this.linkIndex = linkIndex;
        this.listener = listener;
        this.clock = clock;
        this.scheduler = scheduler;
        this.store = store;
    }

    /** Joins the ND user option group; options arrive from then on. */
    void open(HostNetwork network) {
        AutoCloseable s = network.subscribe(EnumSet.of(NetworkEvent.Group.ND_USER_OPTION), this::onEvent);
        synchronized (lock) {
            subscription = s;
        }
        LOG.info("listening for RDNSS/DNSSL router advertisement options on {} (ifindex {})", hostInterface,
                linkIndex);
    }

    @Override
    public Optional<LeaseState> current() {
        synchronized (lock) {
            DnsSnapshot now = store.current();
            return now.isEmpty() ? Optional.empty() : Optional.of(lease(now));
        }
    }

    @Override
    public void close() {
        AutoCloseable s;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTick();
            s = subscription;
            subscription = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                throw new MosnetException("leaving the rtnetlink ND user option group for " + hostInterface
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs on the runtime's event thread: nothing may escape, or the thread would stop delivering events. */
    void onEvent(NetworkEvent event) {
        if (!(event instanceof NetworkEvent.NdUserOption o) || o.linkIndex() != linkIndex
                || o.icmpType() != ROUTER_ADVERTISEMENT) {
            return;
        }
        String router = o.source() == null ? "an unnamed router" : IpAddresses.format(o.source());
        try {
            RaOptions options = RaOptionParser.parse(o.options());
            options.ignored().forEach(reason -> LOG.debug("RA from {} on {}: ignored {}", router, hostInterface,
                    reason));
            if (options.isEmpty()) {
                return;
            }
            synchronized (lock) {
                if (closed) {
                    return;
                }
                // What lapsed before this advertisement is reported as expiry, not as the router's doing.
                if (store.expire()) {
                    publish(EXPIRED);
                }
                store.apply(o.source(), options);
                publish("withdrawn by " + router + " (lifetime 0)");
            }
        } catch (RaOptionException e) {
            dropped(router, e);
        } catch (RuntimeException e) {
            LOG.error("handling the DNS options of a router advertisement from {} on {} failed", router,
                    hostInterface, e);
        }
    }

    /** Runs on the scheduler: drops what lapsed and reports it; a failure is logged and the tick goes on. */
    void onTick() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            tick = null;
            try {
                store.expire();
                publish(EXPIRED);
            } catch (RuntimeException e) {
                LOG.error("expiring router-advertised DNS entries on {} failed", hostInterface, e);
                scheduleTick();
            }
        }
    }

    private void dropped(String router, RaOptionException e) {
        synchronized (lock) {
            if (!malformedWarned) {
                malformedWarned = true;
                LOG.warn("dropped a malformed router advertisement from {} on {}: {} (logged once; later ones at "
                        + "debug level)", router, hostInterface, e.getMessage());
                return;
            }
        }
        LOG.debug("dropped a malformed router advertisement from {} on {}: {}", router, hostInterface,
                e.getMessage());
    }

    /**
     * Compares the merged set with the last report and tells the listener of any change; holds the lock. The
     * session's state and the next tick are settled before the listener runs, so a listener that throws cannot
     * leave expiry unscheduled.
     */
    private void publish(String lossReason) {
        DnsSnapshot now = store.current();
        LeaseState changed = null;
        LeaseState lost = null;
        if (!now.sameContent(reported)) {
            if (now.isEmpty()) {
                lost = lastLease;
                lastLease = null;
                learnedAt = null;
            } else {
                if (reported.isEmpty()) {
                    learnedAt = clock.instant();
                }
                changed = lease(now);
            }
        } else if (!now.isEmpty() && reported.expiresAt() != null && !clock.instant().isBefore(reported.expiresAt())
                && !Objects.equals(now.expiresAt(), reported.expiresAt())) {
            // Refreshed since the last report, whose expiry has now passed: bring the reported expiry up to date
            // once per lifetime rather than on every advertisement.
            changed = lease(now);
        }
        if (changed != null || lost != null) {
            reported = now;
        }
        if (changed != null) {
            lastLease = changed;
        }
        scheduleTick();
        if (lost != null) {
            LOG.info("router-advertised DNS on {} gone: {}", hostInterface, lossReason);
            listener.leaseLost(lost, lossReason);
        } else if (changed != null) {
            LOG.info("router-advertised DNS on {}: servers {}, domains {}, first expiry {}", hostInterface,
                    changed.dns(), changed.domains(), changed.expiresAt() == null ? "never" : changed.expiresAt());
            listener.leaseChanged(changed);
        }
    }

    private LeaseState lease(DnsSnapshot s) {
        List<String> dns = s.servers().stream().map(this::resolvConfForm).toList();
        return new LeaseState(PROTOCOL, STATE, hostInterface, null, null, null, dns, s.domains(), List.of(), 0,
                learnedAt, null, null, s.expiresAt(), null);
    }

    /** A link-local server is only reachable through this interface, which resolv.conf says with a zone. */
    private String resolvConfForm(Inet6Address a) {
        String text = IpAddresses.format(a);
        return a.isLinkLocalAddress() ? text + "%" + hostInterface : text;
    }

    private void scheduleTick() {
        cancelTick();
        Instant now = clock.instant();
        Instant due = store.nextExpiry().orElse(null);
        Instant reportedExpiry = reported.expiresAt();
        if (reportedExpiry != null && reportedExpiry.isAfter(now) && (due == null || reportedExpiry.isBefore(due))) {
            due = reportedExpiry;
        }
        if (due == null) {
            return;
        }
        Duration wait = Duration.between(now, due);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        if (wait.compareTo(MAX_TICK) > 0) {
            wait = MAX_TICK;
        }
        // Rounded up, so the tick never lands just before the instant it is for.
        long millis = wait.plusNanos(999_999).toMillis();
        tick = scheduler.schedule(this::onTick, millis, TimeUnit.MILLISECONDS);
    }

    private void cancelTick() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }
}
