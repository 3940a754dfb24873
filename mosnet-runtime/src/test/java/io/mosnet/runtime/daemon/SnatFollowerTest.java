package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.net.Route;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mosnat=snat's NAT table follows the IPv4 default route: a timer queue run by hand, a scripted routing table. */
class SnatFollowerTest {

    private static final Link MOS = new Link(3, "mos", "bridge", MacAddress.parse("52:54:00:00:00:01"), 1500, true,
            true, 0);
    private static final Link WAN = new Link(4, "wan0", "", MacAddress.parse("52:54:00:00:00:02"), 1500, true, true, 0);

    private final HostNetwork network = mock(HostNetwork.class);
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final Deque<Runnable> timers = new ArrayDeque<>();
    private final List<String> applied = new ArrayList<>();
    private final List<String> troubles = new ArrayList<>();
    private List<Route> routes = List.of();
    private Consumer<NetworkEvent> events;
    private RuntimeException failure;
    private SnatFollower follower;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void network() {
        when(network.routes()).thenAnswer(i -> routes);
        when(network.link(3)).thenReturn(Optional.of(MOS));
        when(network.link(4)).thenReturn(Optional.of(WAN));
        when(network.subscribe(any(), any())).thenAnswer(i -> {
            events = i.getArgument(1, Consumer.class);
            return (AutoCloseable) () -> events = null;
        });
        when(scheduler.schedule(any(Runnable.class), anyLong(), any(TimeUnit.class))).thenAnswer(i -> {
            timers.add(i.getArgument(0, Runnable.class));
            return null;
        });
        follower = new SnatFollower(network, scheduler, iface -> {
            if (failure != null) {
                throw failure;
            }
            applied.add(iface);
        }, troubles::add);
    }

    @Test
    void picksTheMainTablesIpv4DefaultRouteWithTheLowestMetric() {
        routes = List.of(defaultVia("10.0.0.1", 3, 100, Route.MAIN_TABLE), defaultVia("10.1.0.1", 4, 50, 100),
                defaultVia("10.2.0.1", 4, 200, Route.MAIN_TABLE),
                Route.defaultVia(IpAddresses.parse("fe80::1"), 4, false),
                new Route(IpNetwork.parse("10.9.0.0/16"), null, 4, 0, Route.Scope.LINK, Route.Protocol.KERNEL, false,
                        Route.MAIN_TABLE));
        assertEquals("mos", SnatFollower.defaultInterface(network));
        routes = List.of();
        assertNull(SnatFollower.defaultInterface(network));
    }

    @Test
    void appliesAgainWhenTheDefaultRouteAppearsAndWhenItMoves() {
        follower.start(null);
        runTimers();
        assertEquals(List.of(), applied, "nothing changed since the apply");

        routes = List.of(defaultVia("10.0.0.1", 3, 0, Route.MAIN_TABLE));
        events.accept(new NetworkEvent.RouteChanged(routes.get(0), false));
        events.accept(new NetworkEvent.RouteChanged(routes.get(0), false));
        runTimers();
        assertEquals(List.of("mos"), applied, "one apply for a burst of events");

        routes = List.of(defaultVia("10.1.0.1", 4, 0, Route.MAIN_TABLE));
        events.accept(new NetworkEvent.RouteChanged(routes.get(0), false));
        runTimers();
        assertEquals(List.of("mos", "wan0"), applied);

        // The kernel drops the IPv4 routes of a link that goes down without announcing each.
        routes = List.of();
        events.accept(new NetworkEvent.LinkChanged(WAN, false));
        runTimers();
        assertEquals(java.util.Arrays.asList("mos", "wan0", null), applied);
    }

    @Test
    void ignoresRoutesOtherThanTheIpv4DefaultRoute() {
        routes = List.of(defaultVia("10.0.0.1", 3, 0, Route.MAIN_TABLE));
        follower.start("mos");
        runTimers();
        Route specific = new Route(IpNetwork.parse("10.9.0.0/16"), null, 4, 0, Route.Scope.LINK,
                Route.Protocol.KERNEL, false, Route.MAIN_TABLE);
        events.accept(new NetworkEvent.RouteChanged(specific, false));
        events.accept(new NetworkEvent.AddressChanged(new Address(4, IpNetwork.parse("10.9.0.1/16"), Address.Scope.UNIVERSE,
                java.util.Set.of(), 0, 0), false));
        assertEquals(0, timers.size(), "no check scheduled");
        assertEquals(List.of(), applied);
    }

    @Test
    void retriesAFailedApplyUntilItTakes() {
        follower.start(null);
        runTimers();
        routes = List.of(defaultVia("10.0.0.1", 3, 0, Route.MAIN_TABLE));
        failure = new IllegalStateException("libnftables: Operation not permitted");
        events.accept(new NetworkEvent.RouteChanged(routes.get(0), false));
        runTimers(1);
        assertEquals(List.of(), applied);
        assertEquals(1, timers.size(), "a retry is scheduled");

        failure = null;
        runTimers();
        assertEquals(List.of("mos"), applied);
        assertEquals(java.util.Arrays.asList("libnftables: Operation not permitted", null), troubles,
                "the failure was reported, then cleared");
    }

    @Test
    void aFailureIsClearedWhenTheRouteGoesBackToWhereTheTableIs() {
        follower.start(null);
        runTimers();
        routes = List.of(defaultVia("10.0.0.1", 3, 0, Route.MAIN_TABLE));
        failure = new IllegalStateException("libnftables: Operation not permitted");
        events.accept(new NetworkEvent.RouteChanged(routes.get(0), false));
        runTimers(1);
        routes = List.of();
        runTimers();
        assertEquals(java.util.Arrays.asList("libnftables: Operation not permitted", null), troubles);
        assertEquals(List.of(), applied);
    }

    @Test
    void stopsFollowingOnceClosed() {
        follower.start(null);
        runTimers();
        follower.close();
        assertNull(events, "left the multicast groups");
        routes = List.of(defaultVia("10.0.0.1", 3, 0, Route.MAIN_TABLE));
        runTimers();
        assertEquals(List.of(), applied);
    }

    private void runTimers() {
        runTimers(Integer.MAX_VALUE);
    }

    private void runTimers(int max) {
        for (int i = 0; i < max && !timers.isEmpty(); i++) {
            timers.poll().run();
        }
    }

    private static Route defaultVia(String gateway, int link, int metric, int table) {
        return new Route(IpNetwork.defaultRoute(false), IpAddresses.parse(gateway), link, metric,
                Route.Scope.UNIVERSE, Route.Protocol.DHCP, false, table);
    }
}
