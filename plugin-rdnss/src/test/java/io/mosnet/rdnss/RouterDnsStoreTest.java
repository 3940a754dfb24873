package io.mosnet.rdnss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterDnsStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final InetAddress ROUTER_A = IpAddresses.parse("fe80::a");
    private static final InetAddress ROUTER_B = IpAddresses.parse("fe80::b");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> warnings = new ArrayList<>();

    private RouterDnsStore store(RouterDnsStore.Limits limits) {
        return new RouterDnsStore(clock, limits, warnings::add);
    }

    private final RouterDnsStore store = store(RouterDnsStore.Limits.DEFAULT);

    @Test
    void learnsWhatRadvdAnnounces() {
        store.apply(ROUTER_A, RaOptionParser.parse(RaBytes.radvdOptions()));

        DnsSnapshot s = store.current();
        assertEquals(v6("2001:db8:1::53", "2001:db8:1::54"), s.servers());
        assertEquals(List.of("example.com", "lab.example.org"), s.domains());
        assertEquals(T0.plusSeconds(600), s.expiresAt());
    }

    @Test
    void expiresWhenLifetimeRunsOut() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1").dnssl(300, "example.com")));

        clock.advanceSeconds(299);
        assertFalse(store.expire());
        assertEquals(List.of("example.com"), store.current().domains());

        clock.advanceSeconds(1);
        assertTrue(store.expire());
        assertEquals(List.of(), store.current().domains());
        assertEquals(v6("2001:db8::1"), store.current().servers());
        assertEquals(Optional.of(T0.plusSeconds(600)), store.nextExpiry());

        clock.advanceSeconds(300);
        assertTrue(store.expire());
        assertTrue(store.current().isEmpty());
        assertEquals(0, store.routerCount());
        assertEquals(Optional.empty(), store.nextExpiry());
    }

    @Test
    void hidesLapsedEntriesBeforeTheTick() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(10, "2001:db8::1")));

        clock.advanceSeconds(10);

        assertTrue(store.current().isEmpty());
    }

    @Test
    void refreshExtendsLifetime() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1")));
        clock.advanceSeconds(500);
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1")));
        clock.advanceSeconds(500);

        assertFalse(store.expire());
        assertEquals(T0.plusSeconds(1100), store.current().expiresAt());
    }

    @Test
    void lifetimeZeroRemovesAtOnce() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1", "2001:db8::2")
                .dnssl(600, "example.com", "example.org")));

        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(0, "2001:db8::1").dnssl(0, "example.org")));

        assertEquals(v6("2001:db8::2"), store.current().servers());
        assertEquals(List.of("example.com"), store.current().domains());
    }

    @Test
    void lifetimeZeroForUnknownValueLearnsNothing() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(0, "2001:db8::1").dnssl(0, "example.com")));

        assertTrue(store.current().isEmpty());
        assertEquals(0, store.routerCount());
    }

    @Test
    void withdrawalByOneRouterLeavesAnotherRoutersEntry() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1")));
        store.apply(ROUTER_B, ra(RaBytes.options().rdnss(600, "2001:db8::1")));

        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(0, "2001:db8::1")));

        assertEquals(v6("2001:db8::1"), store.current().servers());
        assertEquals(1, store.routerCount());
    }

    @Test
    void infiniteLifetimeNeverExpires() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(Lifetime.INFINITE, "2001:db8::1")));

        clock.advanceSeconds(100L * 365 * 86_400);

        assertFalse(store.expire());
        assertEquals(v6("2001:db8::1"), store.current().servers());
        assertNull(store.current().expiresAt());
        assertEquals(Optional.empty(), store.nextExpiry());
    }

    @Test
    void ordersMostRecentlyRefreshedFirstKeepingEachAdvertisementsOrder() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::a1", "2001:db8::a2")));
        clock.advanceSeconds(1);
        store.apply(ROUTER_B, ra(RaBytes.options().rdnss(600, "2001:db8::b1", "2001:db8::b2")));

        assertEquals(v6("2001:db8::b1", "2001:db8::b2", "2001:db8::a1", "2001:db8::a2"), store.current().servers());

        clock.advanceSeconds(1);
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::a1", "2001:db8::a2")));

        assertEquals(v6("2001:db8::a1", "2001:db8::a2", "2001:db8::b1", "2001:db8::b2"), store.current().servers());
    }

    @Test
    void mergesValueAnnouncedByTwoRoutersKeepingTheLongerLifetime() {
        store.apply(ROUTER_A, ra(RaBytes.options().rdnss(100, "2001:db8::1").dnssl(100, "example.com")));
        store.apply(ROUTER_B, ra(RaBytes.options().rdnss(600, "2001:db8::1", "2001:db8::2")
                .dnssl(600, "example.com")));

        assertEquals(v6("2001:db8::1", "2001:db8::2"), store.current().servers());
        assertEquals(List.of("example.com"), store.current().domains());
        assertEquals(T0.plusSeconds(600), store.current().expiresAt());
        assertEquals(Optional.of(T0.plusSeconds(100)), store.nextExpiry());

        clock.advanceSeconds(100);
        assertTrue(store.expire());
        assertEquals(v6("2001:db8::1", "2001:db8::2"), store.current().servers());
    }

    @Test
    void keepsOptionsOfAnUnnamedRouter() {
        store.apply(null, ra(RaBytes.options().rdnss(600, "2001:db8::1")));

        assertEquals(v6("2001:db8::1"), store.current().servers());
    }

    @Test
    void capsRoutersForgettingTheLeastRecentlyHeardAndWarnsOnce() {
        RouterDnsStore small = store(new RouterDnsStore.Limits(2, 8, 16));
        for (int i = 1; i <= 5; i++) {
            small.apply(IpAddresses.parse("fe80::" + i), ra(RaBytes.options().rdnss(600, "2001:db8::" + i)));
            clock.advanceSeconds(1);
        }

        assertEquals(2, small.routerCount());
        assertEquals(v6("2001:db8::5", "2001:db8::4"), small.current().servers());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains("more than 2 routers"), warnings.getFirst());
    }

    @Test
    void refreshedRouterSurvivesTheRouterCap() {
        RouterDnsStore small = store(new RouterDnsStore.Limits(2, 8, 16));
        small.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::a")));
        small.apply(ROUTER_B, ra(RaBytes.options().rdnss(600, "2001:db8::b")));
        small.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::a")));

        small.apply(IpAddresses.parse("fe80::c"), ra(RaBytes.options().rdnss(600, "2001:db8::c")));

        assertEquals(v6("2001:db8::c", "2001:db8::a"), small.current().servers());
    }

    @Test
    void capsServersPerRouterEvictingTheOldest() {
        RouterDnsStore small = store(new RouterDnsStore.Limits(16, 2, 16));
        small.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1", "2001:db8::2")));
        small.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::3")));

        // ::1 and ::2 came together; ::2 was the less preferred of them.
        assertEquals(v6("2001:db8::3", "2001:db8::1"), small.current().servers());
        assertEquals(1, warnings.size());
    }

    @Test
    void oversizedAdvertisementKeepsItsMostPreferredEntries() {
        RouterDnsStore small = store(new RouterDnsStore.Limits(16, 2, 3));
        small.apply(ROUTER_A, ra(RaBytes.options().rdnss(600, "2001:db8::1", "2001:db8::2", "2001:db8::3",
                "2001:db8::4").dnssl(600, "a.example", "b.example", "c.example", "d.example", "e.example")));

        assertEquals(v6("2001:db8::1", "2001:db8::2"), small.current().servers());
        assertEquals(List.of("a.example", "b.example", "c.example"), small.current().domains());
        assertEquals(2, warnings.size(), "one warning per kind of cap: " + warnings);
        assertTrue(warnings.get(0).contains("more than 2 servers"), warnings.get(0));
        assertTrue(warnings.get(1).contains("more than 3 domains"), warnings.get(1));
    }

    @Test
    void staysBoundedUnderAFloodAndWarnsOncePerCap() {
        for (int r = 0; r < 1000; r++) {
            RaBytes ra = RaBytes.options();
            String[] servers = new String[127];
            for (int i = 0; i < servers.length; i++) {
                servers[i] = "2001:db8:" + Integer.toHexString(r) + "::" + Integer.toHexString(i + 1);
            }
            String[] domains = new String[40];
            for (int i = 0; i < domains.length; i++) {
                domains[i] = "d" + i + ".r" + r + ".example";
            }
            store.apply(IpAddresses.parse("fe80::" + Integer.toHexString(r + 1)),
                    ra(ra.rdnss(600, servers).dnssl(600, domains)));
        }

        assertEquals(16, store.routerCount());
        assertEquals(16 * 8, store.current().servers().size());
        assertEquals(16 * 16, store.current().domains().size());
        assertEquals(3, warnings.size(), warnings.toString());
    }

    private static RaOptions ra(RaBytes bytes) {
        return RaOptionParser.parse(bytes.bytes());
    }

    private static List<Inet6Address> v6(String... literals) {
        return Arrays.stream(literals).map(IpAddresses::parseIpv6).toList();
    }
}
