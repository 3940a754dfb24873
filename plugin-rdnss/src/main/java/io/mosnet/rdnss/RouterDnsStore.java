package io.mosnet.rdnss;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The DNS servers and search domains learned from router advertisements, one entry per (router, value), each with
 * the expiry its option's lifetime gave it (RFC 8106 §5.3.1: a lifetime of 0 removes the entry, a new one replaces
 * the old expiry).
 *
 * <p>Any host on the link can send router advertisements, so memory is capped: at most {@link Limits#routers()}
 * routers, each with at most {@link Limits#serversPerRouter()} servers and {@link Limits#domainsPerRouter()}
 * domains, which also bounds the total. Past a cap the least recently refreshed router or entry gives way, and a
 * warning is logged once per kind of cap for the store's life. Not thread-safe: its owner serialises access.
 */
final class RouterDnsStore {

    /** Caps against floods of advertisements. */
    record Limits(int routers, int serversPerRouter, int domainsPerRouter) {

        static final Limits DEFAULT = new Limits(16, 8, 16);

        Limits {
            if (routers < 1 || serversPerRouter < 1 || domainsPerRouter < 1) {
                throw new IllegalArgumentException("every DNS store limit must be at least 1: " + routers + ", "
                        + serversPerRouter + ", " + domainsPerRouter);
            }
        }
    }

    enum Cap { ROUTERS, SERVERS, DOMAINS }

    /** The kernel did not name the sender: such options are kept under the unspecified address. */
    private static final InetAddress UNKNOWN_ROUTER = unspecified();

    /**
     * One learned value. {@code refresh} orders entries (higher is more recent, one number per advertisement) and
     * {@code position} keeps the router's own order within an advertisement.
     */
    private static final class Entry<V> {
        final V value;
        Instant expiresAt;
        long refresh;
        int position;

        Entry(V value) {
            this.value = value;
        }

        boolean validAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    private static final class Router {
        final InetAddress address;
        final Map<Inet6Address, Entry<Inet6Address>> servers = new LinkedHashMap<>();
        final Map<String, Entry<String>> domains = new LinkedHashMap<>();
        long lastRefresh;

        Router(InetAddress address) {
            this.address = address;
        }

        boolean isEmpty() {
            return servers.isEmpty() && domains.isEmpty();
        }
    }

    /**
     * Most recent refresh first, then the router's own order. Spelled out: Comparator's combinators spin their
     * lambda classes at first use (about a millisecond of the daemon's interpreted start, which the AOT cache does
     * not keep).
     */
    private static final Comparator<Entry<?>> RECENT_FIRST = (a, b) -> a.refresh != b.refresh
            ? Long.compare(b.refresh, a.refresh) : Integer.compare(a.position, b.position);

    private final Clock clock;
    private final Limits limits;
    private final Consumer<String> warnings;
    private final EnumSet<Cap> warned = EnumSet.noneOf(Cap.class);
    private final Map<InetAddress, Router> routers = new HashMap<>();
    private long refreshes;

    RouterDnsStore(Clock clock, Limits limits, Consumer<String> warnings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Takes in the DNS options of one advertisement from {@code router} (null when the kernel did not say). */
    void apply(InetAddress router, RaOptions options) {
        InetAddress key = router == null ? UNKNOWN_ROUTER : router;
        Instant now = clock.instant();
        expire(now);
        long refresh = ++refreshes;
        int position = 0;
        for (RdnssOption o : options.rdnss()) {
            for (Inet6Address server : o.servers()) {
                if (o.lifetime() == 0) {
                    remove(key, r -> r.servers.remove(server));
                } else {
                    Router r = routerFor(key, refresh);
                    put(r, r.servers, server, Lifetime.expiry(now, o.lifetime()), refresh, position,
                            limits.serversPerRouter(), Cap.SERVERS);
                }
                position++;
            }
        }
        position = 0;
        for (DnsslOption o : options.dnssl()) {
            for (String domain : o.domains()) {
                if (o.lifetime() == 0) {
                    remove(key, r -> r.domains.remove(domain));
                } else {
                    Router r = routerFor(key, refresh);
                    put(r, r.domains, domain, Lifetime.expiry(now, o.lifetime()), refresh, position,
                            limits.domainsPerRouter(), Cap.DOMAINS);
                }
                position++;
            }
        }
    }

    /** Drops what has lapsed by now; true when anything was dropped. */
    boolean expire() {
        return expire(clock.instant());
    }

    /** The merged view of the entries still valid now. */
    DnsSnapshot current() {
        Instant now = clock.instant();
        List<Entry<Inet6Address>> servers = merge(now, r -> r.servers.values());
        List<Entry<String>> domains = merge(now, r -> r.domains.values());
        Instant expiresAt = null;
        for (Entry<?> e : concat(servers, domains)) {
            if (e.expiresAt != null && (expiresAt == null || e.expiresAt.isBefore(expiresAt))) {
                expiresAt = e.expiresAt;
            }
        }
        return new DnsSnapshot(servers.stream().map(e -> e.value).toList(),
                domains.stream().map(e -> e.value).toList(), expiresAt);
    }

    /** When the next entry of any router lapses, which can be before the merged view changes. */
    Optional<Instant> nextExpiry() {
        Instant next = null;
        for (Router r : routers.values()) {
            for (Entry<?> e : concat(r.servers.values(), r.domains.values())) {
                if (e.expiresAt != null && (next == null || e.expiresAt.isBefore(next))) {
                    next = e.expiresAt;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    int routerCount() {
        return routers.size();
    }

    private boolean expire(Instant now) {
        boolean dropped = false;
        for (Iterator<Router> it = routers.values().iterator(); it.hasNext(); ) {
            Router r = it.next();
            dropped |= r.servers.values().removeIf(e -> !e.validAt(now));
            dropped |= r.domains.values().removeIf(e -> !e.validAt(now));
            if (r.isEmpty()) {
                it.remove();
            }
        }
        return dropped;
    }

    private void remove(InetAddress key, Consumer<Router> removal) {
        Router r = routers.get(key);
        if (r != null) {
            removal.accept(r);
            if (r.isEmpty()) {
                routers.remove(key);
            }
        }
    }

    /** The router's entries; a new router makes room for itself by forgetting the least recently heard one. */
    private Router routerFor(InetAddress key, long refresh) {
        Router r = routers.get(key);
        if (r == null) {
            if (routers.size() >= limits.routers()) {
                Router oldest = routers.values().stream().min(Comparator.comparingLong(x -> x.lastRefresh))
                        .orElseThrow();
                warnOnce(Cap.ROUTERS, "more than " + limits.routers() + " routers announce DNS options on this "
                        + "link; forgetting the least recently heard (" + oldest.address.getHostAddress() + ") to "
                        + "make room for " + key.getHostAddress());
                routers.remove(oldest.address);
            }
            r = new Router(key);
            routers.put(key, r);
        }
        r.lastRefresh = refresh;
        return r;
    }

    private <V> void put(Router router, Map<V, Entry<V>> entries, V value, Instant expiresAt, long refresh,
                         int position, int cap, Cap kind) {
        Entry<V> e = entries.get(value);
        if (e == null) {
            if (entries.size() >= cap) {
                Entry<V> oldest = entries.values().stream().min(RECENT_FIRST.reversed()).orElseThrow();
                warnOnce(kind, "router " + router.address.getHostAddress() + " announces more than " + cap + " "
                        + kind.name().toLowerCase() + "; keeping the " + cap + " most recent and preferred");
                if (oldest.refresh == refresh) {
                    // Everything kept is from this advertisement and ahead of this value in its order.
                    return;
                }
                entries.remove(oldest.value);
            }
            e = new Entry<>(value);
            entries.put(value, e);
        }
        e.expiresAt = expiresAt;
        e.refresh = refresh;
        e.position = position;
    }

    /** Every router's valid entries, one per value, ordered; a value held by several routers lasts the longest. */
    private <V> List<Entry<V>> merge(Instant now, Function<Router, Iterable<Entry<V>>> of) {
        Map<V, Entry<V>> best = new HashMap<>();
        for (Router r : routers.values()) {
            for (Entry<V> e : of.apply(r)) {
                if (!e.validAt(now)) {
                    continue;
                }
                Entry<V> seen = best.get(e.value);
                if (seen == null) {
                    best.put(e.value, copy(e));
                } else {
                    if (RECENT_FIRST.compare(e, seen) < 0) {
                        seen.refresh = e.refresh;
                        seen.position = e.position;
                    }
                    if (seen.expiresAt != null && (e.expiresAt == null || e.expiresAt.isAfter(seen.expiresAt))) {
                        seen.expiresAt = e.expiresAt;
                    }
                }
            }
        }
        List<Entry<V>> merged = new ArrayList<>(best.values());
        merged.sort(RECENT_FIRST);
        return merged;
    }

    private static <V> Entry<V> copy(Entry<V> e) {
        Entry<V> c = new Entry<>(e.value);
        c.expiresAt = e.expiresAt;
        c.refresh = e.refresh;
        c.position = e.position;
        return c;
    }

    private static List<Entry<?>> concat(Iterable<? extends Entry<?>> a, Iterable<? extends Entry<?>> b) {
        List<Entry<?>> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private void warnOnce(Cap kind, String message) {
        if (warned.add(kind)) {
            warnings.accept(message + " (logged once; later evictions are silent)");
        }
    }

    private static InetAddress unspecified() {
        try {
            return InetAddress.getByAddress(new byte[16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 zero octets are the IPv6 unspecified address", e);
        }
    }
}
