package io.mosnet.runtime.daemon;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.net.Route;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mosnat=snat} masquerades on the interface of the IPv4 default route, and that route can come, go and move
 * after the start: a lease without a router, an IPv6-only static set-up that gains IPv4 later, a route added or
 * replaced by hand. The follower watches the kernel's announcements and, once they have settled, applies the firewall
 * again whenever the default route's interface is not the one the NAT table was built for; a failed apply is retried
 * until it takes, or until the route moves again.
 *
 * <p>Besides route events it wakes on IPv4 address and link events: the kernel removes the IPv4 routes of an
 * address or a link that goes without announcing each route. Every check reads the routing table whole, so a missed
 * or reordered event only delays the answer.
 */
final class SnatFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnatFollower.class);
    /** Route changes come in bursts (a lease: the address, its prefix route, the default route): check once after. */
    static final Duration SETTLE = Duration.ofMillis(200);
    static final Duration RETRY = Duration.ofSeconds(5);

    private final HostNetwork network;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> apply;
    private final Consumer<String> trouble;
    /** The interface the NAT table masquerades on; null for none. */
    private String applied;
    /** Whether the last apply failed (and {@link #trouble} was told so); only the check's thread touches it. */
    private boolean failing;
    private boolean checkPending;
    private boolean closed;
    private AutoCloseable subscription;

    /**
     * @param apply   applies the firewall for a default route on the given interface (null: none), on the
     *                scheduler's thread; throws when it could not
     * @param trouble told why an apply failed, and null once the table and the route agree again
     */
    SnatFollower(HostNetwork network, ScheduledExecutorService scheduler, Consumer<String> apply,
                 Consumer<String> trouble) {
        this.network = network;
        this.scheduler = scheduler;
        this.apply = apply;
        this.trouble = trouble;
    }

    /**
     * The interface of the main table's IPv4 default route with the lowest metric, or null when the host has none:
     * where {@code snat} masquerades.
     */
    static String defaultInterface(HostNetwork network) {
        Route best = null;
        for (Route r : network.routes()) {
            if (r.isDefault() && !r.destination().isIpv6() && r.table() == Route.MAIN_TABLE
                    && (best == null || r.metric() < best.metric())) {
                best = r;
            }
        }
        return best == null ? null : network.link(best.linkIndex()).map(l -> l.name()).orElse(null);
    }

    /**
     * Follows from now on, the NAT table having been built for {@code appliedIface}. Checks once right after
     * subscribing, so that a change between that apply and the subscription is not missed.
     */
    synchronized void start(String appliedIface) {
        applied = appliedIface;
        subscription = network.subscribe(EnumSet.of(NetworkEvent.Group.IPV4_ROUTE, NetworkEvent.Group.IPV4_ADDRESS,
                NetworkEvent.Group.LINK), this::onEvent);
        schedule(Duration.ZERO);
    }

    private void onEvent(NetworkEvent event) {
        boolean relevant = switch (event) {
            case NetworkEvent.RouteChanged r -> r.route().isDefault() && !r.route().destination().isIpv6();
            case NetworkEvent.AddressChanged a -> a.removed();
            case NetworkEvent.LinkChanged l -> true;
            default -> false;
        };
        if (relevant) {
            schedule(SETTLE);
        }
    }

    private synchronized void schedule(Duration delay) {
        if (closed || checkPending) {
            return;
        }
        checkPending = true;
        scheduler.schedule(this::check, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        String before;
        synchronized (this) {
            checkPending = false;
            if (closed) {
                return;
            }
            before = applied;
        }
        String now;
        try {
            now = defaultInterface(network);
        } catch (RuntimeException e) {
            LOG.warn("mosnat=snat: reading the routing table failed, trying again in {} s: {}", RETRY.toSeconds(),
                    e.getMessage());
            schedule(RETRY);
            return;
        }
        if (Objects.equals(now, before)) {
            settled();
            return;
        }
        LOG.info("mosnat=snat: the IPv4 default route is now {} (the NAT table masquerades {}); applying again",
                now == null ? "gone" : "on " + now, before == null ? "on no interface" : "on " + before);
        try {
            apply.accept(now);
        } catch (RuntimeException e) {
            LOG.error("mosnat=snat: applying the firewall for the default route {} failed, trying again in {} s: {}",
                    now == null ? "(none)" : "on " + now, RETRY.toSeconds(), e.getMessage());
            failing = true;
            trouble.accept(e.getMessage());
            schedule(RETRY);
            return;
        }
        synchronized (this) {
            applied = now;
        }
        settled();
        schedule(Duration.ZERO); // the route may have moved again while the apply ran
    }

    /** The table and the route agree (again): a failure reported before is over. */
    private void settled() {
        if (failing) {
            failing = false;
            trouble.accept(null);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("leaving the route events: {}", e.getMessage());
            }
        }
    }
}
