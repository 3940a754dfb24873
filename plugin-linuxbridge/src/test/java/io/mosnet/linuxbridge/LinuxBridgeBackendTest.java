package io.mosnet.linuxbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Route;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinuxBridgeBackendTest {

    private static final MacAddress NIC_MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Link UPLINK = new Link(2, "eth0", "", NIC_MAC, 1500, false, true, 0);

    private final HostNetwork net = mock(HostNetwork.class);
    private final LinuxBridgeBackend backend = new LinuxBridgeBackend();
    private PluginContext ctx;

    @BeforeEach
    void setUp() {
        ctx = TestContext.over(net);
        when(net.requireLink("eth0")).thenReturn(UPLINK);
        when(net.sysctl(anyString())).thenReturn(Optional.of("0"));
    }

    @Test
    void createsBridgeWithTheNicsMacAndEnslavesTheNic() {
        Link fresh = new Link(5, "mos", "bridge", MacAddress.parse("aa:bb:cc:00:00:01"), 1500, false, false, 0);
        when(net.link("mos")).thenReturn(Optional.empty());
        when(net.createBridge("mos")).thenReturn(fresh);

        BridgeAttachment a = backend.attach(new BridgeRequest("mos", UPLINK, Mode.STATIC), ctx);

        assertEquals("mos", a.hostInterface());
        assertEquals(NIC_MAC, a.mac());
        assertFalse(a.adopted());
        verify(net).setMac("mos", NIC_MAC);
        verify(net).setMaster("eth0", "mos");
        verify(net).setUp("eth0", true);
        verify(net).setUp("mos", true);
        verify(net).setSysctl("net/ipv6/conf/eth0/disable_ipv6", "1");
    }

    @Test
    void adoptsAnExistingBridgeWithoutTouchingIt() {
        Link nicInBridge = new Link(2, "eth0", "", NIC_MAC, 1500, true, true, 5);
        when(net.requireLink("eth0")).thenReturn(nicInBridge);
        when(net.link("mos")).thenReturn(Optional.of(new Link(5, "mos", "bridge", NIC_MAC, 1500, true, true, 0)));
        when(net.sysctl("net/ipv6/conf/eth0/disable_ipv6")).thenReturn(Optional.of("1\n"));

        BridgeAttachment a = backend.attach(new BridgeRequest("mos", nicInBridge, Mode.DHCP), ctx);

        assertTrue(a.adopted());
        verify(net, never()).createBridge(anyString());
        verify(net, never()).setMac(anyString(), any());
        verify(net, never()).setMaster(anyString(), anyString());
        verify(net, never()).setUp(anyString(), eq(true));
        verify(net, never()).setSysctl(anyString(), anyString());
    }

    @Test
    void stagingCreatesTheBridgeWithTheOnlyCandidatesMacAndAttachTakesItAsNew() {
        Link fresh = new Link(5, "mos", "bridge", MacAddress.parse("aa:bb:cc:00:00:01"), 1500, false, false, 0);
        Link staged = new Link(5, "mos", "bridge", NIC_MAC, 1500, false, false, 0);
        when(net.link("mos")).thenReturn(Optional.empty(), Optional.of(staged));
        when(net.createBridge("mos")).thenReturn(fresh);

        backend.stage("mos", UPLINK, ctx);
        verify(net).createBridge("mos");
        verify(net).setMac("mos", NIC_MAC);
        verify(net, never()).setMaster(anyString(), anyString());
        verify(net, never()).setUp(anyString(), eq(true));

        BridgeAttachment a = backend.attach(new BridgeRequest("mos", UPLINK, Mode.DHCP), ctx);

        assertFalse(a.adopted(), "a bridge staged by this run is new, not adopted");
        verify(net).createBridge("mos");
        verify(net).setMac("mos", NIC_MAC);
        verify(net).setMaster("eth0", "mos");
        verify(net).setUp("mos", true);
    }

    @Test
    void stagingWithoutALikelyUplinkLeavesTheMacToAttach() {
        Link fresh = new Link(5, "mos", "bridge", MacAddress.parse("aa:bb:cc:00:00:01"), 1500, false, false, 0);
        when(net.link("mos")).thenReturn(Optional.empty(), Optional.of(fresh));
        when(net.createBridge("mos")).thenReturn(fresh);

        backend.stage("mos", null, ctx);
        verify(net, never()).setMac(anyString(), any());

        backend.attach(new BridgeRequest("mos", UPLINK, Mode.DHCP), ctx);
        verify(net).setMac("mos", NIC_MAC);
        verify(net).setMaster("eth0", "mos");
    }

    @Test
    void stagingLeavesAnExistingInterfaceToAttach() {
        when(net.link("mos")).thenReturn(Optional.of(new Link(7, "mos", "openvswitch", NIC_MAC, 1500, true, true, 0)));

        backend.stage("mos", UPLINK, ctx);

        verify(net, never()).createBridge(anyString());
        verify(net, never()).setMac(anyString(), any());
        assertThrows(MosnetException.class, () -> backend.attach(new BridgeRequest("mos", UPLINK, Mode.STATIC), ctx));
    }

    @Test
    void refusesAnInterfaceNamedMosThatIsNotABridge() {
        when(net.link("mos")).thenReturn(Optional.of(new Link(7, "mos", "openvswitch", NIC_MAC, 1500, true, true, 0)));
        MosnetException e = assertThrows(MosnetException.class,
                () -> backend.attach(new BridgeRequest("mos", UPLINK, Mode.STATIC), ctx));
        assertEquals("interface 'mos' exists but is of kind 'openvswitch', not a Linux bridge; remove it or use the "
                + "backend that made it", e.getMessage());
    }

    @Test
    void pointToPointSetupAddsMissingAddressesAndRoutesInOrder() {
        Link mos = new Link(5, "mos", "bridge", NIC_MAC, 1500, true, true, 0);
        when(net.requireLink("mos")).thenReturn(mos);
        when(net.addresses(5)).thenReturn(List.of());
        when(net.routes()).thenReturn(List.of());
        var gw = IpAddresses.parse("136.243.10.1");
        List<Route> routes = List.of(Route.hostRoute(gw, 0), Route.defaultVia(gw, 0, false));
        HostSetup setup = new HostSetup(new BridgeAttachment("mos", "mos", NIC_MAC, false), UPLINK, Mode.STATIC,
                List.of(IpNetwork.parse("136.243.10.20/32"), IpNetwork.parse("2a01:4f8::2/128")), routes);

        backend.configureHost(setup, ctx);

        verify(net).addAddress("mos", IpNetwork.parse("136.243.10.20/32"), EnumSet.noneOf(Address.AddressFlag.class));
        verify(net).addAddress("mos", IpNetwork.parse("2a01:4f8::2/128"), EnumSet.of(Address.AddressFlag.NODAD));
        var inOrder = org.mockito.Mockito.inOrder(net);
        inOrder.verify(net).replaceRoute(new Route(IpNetwork.parse("136.243.10.1/32"), null, 5, 0, Route.Scope.LINK,
                Route.Protocol.STATIC, false, Route.MAIN_TABLE));
        inOrder.verify(net).replaceRoute(new Route(IpNetwork.parse("0.0.0.0/0"), gw, 5, 0, Route.Scope.UNIVERSE,
                Route.Protocol.STATIC, false, Route.MAIN_TABLE));
        verify(net).setSysctl("net/ipv4/ip_forward", "1");
        verify(net).setSysctl("net/ipv6/conf/all/forwarding", "1");
        verify(net).setSysctl("net/ipv6/conf/mos/accept_ra", "2");
        verify(net).setSysctl("net/ipv4/conf/mos/proxy_arp", "1");
        verify(net).setSysctl("net/ipv6/conf/mos/proxy_ndp", "1");
    }

    @Test
    void secondConfigureChangesNothing() {
        Link mos = new Link(5, "mos", "bridge", NIC_MAC, 1500, true, true, 0);
        IpNetwork addr = IpNetwork.parse("10.0.0.5/24");
        var gw = IpAddresses.parse("10.0.0.1");
        Route def = new Route(IpNetwork.parse("0.0.0.0/0"), gw, 5, 0, Route.Scope.UNIVERSE, Route.Protocol.STATIC,
                false, Route.MAIN_TABLE);
        when(net.requireLink("mos")).thenReturn(mos);
        when(net.addresses(5)).thenReturn(List.of(Address.permanent(5, addr)));
        when(net.routes()).thenReturn(List.of(def));
        when(net.sysctl(anyString())).thenAnswer(i -> Optional.of(((String) i.getArgument(0)).endsWith("accept_ra") ? "2" : "1"));

        backend.configureHost(new HostSetup(new BridgeAttachment("mos", "mos", NIC_MAC, true), UPLINK, Mode.DHCP,
                List.of(addr), List.of(Route.defaultVia(gw, 0, false))), ctx);

        verify(net, never()).addAddress(anyString(), any(), any());
        verify(net, never()).replaceRoute(any());
        verify(net, never()).setSysctl(anyString(), anyString());
    }

    @Test
    void dhcpModeHasNoProxyArp() {
        Link mos = new Link(5, "mos", "bridge", NIC_MAC, 1500, true, true, 0);
        when(net.requireLink("mos")).thenReturn(mos);
        backend.configureHost(new HostSetup(new BridgeAttachment("mos", "mos", NIC_MAC, false), UPLINK, Mode.DHCP,
                List.of(), List.of()), ctx);
        verify(net, never()).setSysctl(eq("net/ipv4/conf/mos/proxy_arp"), anyString());
        verify(net).setSysctl("net/ipv6/conf/mos/accept_ra", "2");
    }
}
