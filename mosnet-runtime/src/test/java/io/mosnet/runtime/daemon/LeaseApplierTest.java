package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.LeaseState;
import io.mosnet.runtime.dns.ResolvConfWriter;
import io.mosnet.runtime.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The primary uplink's DHCPv4 leases on the bridge: what a new lease replaces goes. */
class LeaseApplierTest {

    private static final MacAddress MAC = MacAddress.parse("52:54:00:00:00:02");
    private static final Link MOS = new Link(9, "mos", "bridge", MAC, 1500, true, true, 0);

    private final HostNetwork net = mock(HostNetwork.class);
    private final BridgeBackend backend = mock(BridgeBackend.class);
    private DaemonStatus status;

    /** The state is written behind: done before JUnit removes the temporary directory. */
    @AfterEach
    void flushState() throws InterruptedException {
        if (status != null) {
            status.flush();
        }
    }

    private LeaseApplier applier(Path dir) {
        when(net.requireLink("mos")).thenReturn(MOS);
        RuntimeContext ctx = new RuntimeContext(MosnetConfig.defaults(), net, Clock.systemUTC(), null);
        status = new DaemonStatus(new StateStore(dir.resolve("state.json")), Clock.systemUTC(), "dhcp", "mos",
                List.of());
        return new LeaseApplier(ctx, backend, new BridgeAttachment("mos", "mos", MAC, false),
                new Link(3, "eth0", "", MAC, 1500, true, true, 9), status, new ResolvConfWriter(dir.resolve("resolv")));
    }

    @Test
    void aRenewalWithoutAClasslessRouteRemovesThatRoute(@TempDir Path dir) {
        LeaseApplier applier = applier(dir);
        applier.leaseChanged(lease("10.88.0.120/24", List.of("10.99.0.0/16 via 10.88.0.254", "0.0.0.0/0 via 10.88.0.1")));
        verify(net, never()).deleteRoute(any());

        applier.leaseChanged(lease("10.88.0.120/24", List.of("0.0.0.0/0 via 10.88.0.1")));

        ArgumentCaptor<Route> deleted = ArgumentCaptor.forClass(Route.class);
        verify(net).deleteRoute(deleted.capture());
        assertEquals(IpNetwork.parse("10.99.0.0/16"), deleted.getValue().destination());
    }

    @Test
    void anAdoptedEarlierLeaseIsReplacedByTheNextOne(@TempDir Path dir) {
        LeaseApplier applier = applier(dir);
        when(net.addresses(9)).thenReturn(List.of(new Address(9, IpNetwork.parse("10.88.0.150/24"),
                Address.Scope.UNIVERSE, Set.of(), Address.FOREVER, Address.FOREVER)));
        applier.adopt(lease("10.88.0.150/24", List.of("0.0.0.0/0 via 10.88.0.1")));

        applier.leaseChanged(lease("10.88.0.120/24", List.of("0.0.0.0/0 via 10.88.0.1")));

        verify(net).deleteAddress("mos", IpNetwork.parse("10.88.0.150/24"));
        verify(net, never()).deleteRoute(any()); // the same default route: replaced in place by the backend
    }

    @Test
    void aGatewayOutsideTheLeasedSubnetGetsAHostRouteFirst(@TempDir Path dir) {
        LeaseApplier applier = applier(dir);
        List<Route> routes = applier.routesOf(lease("10.88.0.120/32", List.of("10.99.0.0/16 via 10.88.0.254")), 9);
        assertEquals(List.of("10.88.0.254/32 -", "10.88.0.1/32 -", "10.99.0.0/16 10.88.0.254", "0.0.0.0/0 10.88.0.1"),
                routes.stream().map(r -> r.destination() + " " + (r.gateway() == null ? "-"
                        : r.gateway().getHostAddress())).toList());
        assertEquals(Route.Scope.LINK, routes.get(0).scope());

        // Inside the subnet, or covered by an on-link route of the lease (option 121 as cloud providers send it):
        // nothing added, and the on-link route comes first.
        assertEquals(List.of("0.0.0.0/0 10.88.0.1"), applier.routesOf(lease("10.88.0.120/24", List.of()), 9).stream()
                .map(r -> r.destination() + " " + r.gateway().getHostAddress()).toList());
        assertEquals(List.of("10.88.0.1/32", "0.0.0.0/0"), applier.routesOf(lease("10.88.0.120/32",
                List.of("10.88.0.1/32")), 9).stream().map(r -> r.destination().toString()).toList());
    }

    @Test
    void aLeaseThatCannotBePutOnTheBridgeShowsWhy(@TempDir Path dir) {
        LeaseApplier applier = applier(dir);
        org.mockito.Mockito.doThrow(new io.mosnet.api.net.NetworkException("RTM_NEWROUTE default via 10.88.0.1 dev mos: "
                + "Network is unreachable", 101)).when(backend).configureHost(any(), any());
        org.junit.jupiter.api.Assertions.assertThrows(io.mosnet.api.net.NetworkException.class,
                () -> applier.leaseChanged(lease("10.88.0.120/24", List.of())));
        // status: the problem names the lease and the kernel's answer
        assertEquals(List.of("applying the DHCPv4 lease 10.88.0.120/24: RTM_NEWROUTE default via 10.88.0.1 dev mos: "
                + "Network is unreachable"), status.snapshot().problems());
    }

    @Test
    void theLeasesMtuGoesToTheBackend(@TempDir Path dir) {
        LeaseApplier applier = applier(dir);
        applier.leaseChanged(withMtu(lease("10.88.0.120/24", List.of()), 1460));
        verify(backend).setMtu(any(), org.mockito.ArgumentMatchers.argThat(l -> l.name().equals("eth0")),
                org.mockito.ArgumentMatchers.eq(1460), any());
        applier.leaseChanged(withMtu(lease("10.88.0.120/24", List.of()), 500));
        verify(backend, never()).setMtu(any(), any(), org.mockito.ArgumentMatchers.eq(500), any());
    }

    @Test
    void theDefaultSetsTheNicFirstWhenItGrowsThenTheHostInterface() {
        BridgeBackend linuxLike = new BridgeBackend() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public BridgeAttachment attach(io.mosnet.api.bridge.BridgeRequest request,
                                           io.mosnet.api.plugin.PluginContext context) {
                return null;
            }

            @Override
            public void configureHost(io.mosnet.api.bridge.HostSetup setup,
                                      io.mosnet.api.plugin.PluginContext context) {
            }
        };
        Link eth0 = new Link(3, "eth0", "", MAC, 1500, true, true, 9);
        when(net.requireLink("eth0")).thenReturn(eth0);
        RuntimeContext ctx = new RuntimeContext(MosnetConfig.defaults(), net, Clock.systemUTC(), null);
        BridgeAttachment mos = new BridgeAttachment("mos", "mos", MAC, false);

        linuxLike.setMtu(mos, eth0, 1460, ctx);
        verify(net).setMtu("mos", 1460);
        verify(net, never()).setMtu(org.mockito.ArgumentMatchers.eq("eth0"), org.mockito.ArgumentMatchers.anyInt());

        linuxLike.setMtu(mos, eth0, 9000, ctx);
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(net);
        order.verify(net).setMtu("eth0", 9000);
        order.verify(net).setMtu("mos", 9000);
    }

    @Test
    void aConfiguredMtuIsLeftAsItIs(@TempDir Path dir) {
        LeaseApplier applier = applier(dir);
        applier.keepConfiguredMtu();
        applier.leaseChanged(withMtu(lease("10.88.0.120/24", List.of()), 1460));
        verify(backend, never()).setMtu(any(), any(), org.mockito.ArgumentMatchers.anyInt(), any());
    }

    private static LeaseState withMtu(LeaseState l, int mtu) {
        return new LeaseState(l.protocol(), l.state(), l.nic(), l.address(), l.gateway(), l.server(), l.dns(),
                l.domains(), l.routes(), mtu, l.obtainedAt(), l.renewAt(), l.rebindAt(), l.expiresAt(), l.clientId());
    }

    private static LeaseState lease(String address, List<String> routes) {
        Instant now = Instant.now();
        return new LeaseState("dhcpv4", "BOUND", "eth0", address, "10.88.0.1", null, List.of(), List.of(), routes, 0,
                now, now.plusSeconds(60), now.plusSeconds(105), now.plusSeconds(120), null);
    }
}
