package io.mosnet.ovs;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class OvsBridgeBackendTest {

    private static final MacAddress NIC = MacAddress.parse("be:7d:42:67:02:4c");
    private static final Link UPLINK = new Link(2, "eth0", "", NIC, 1500, true, true, 0);
    private static final Link MOS = new Link(5, "mos", "openvswitch", NIC, 1500, true, true, 0);
    private static final BridgeAttachment ATTACHMENT = new BridgeAttachment("mos", "mos", NIC, false);

    private HostNetwork net;
    private TestContext context;
    private final OvsBridgeBackend backend = new OvsBridgeBackend();

    @BeforeEach
    void setUp() {
        net = mock(HostNetwork.class);
        when(net.requireLink("mos")).thenReturn(MOS);
        context = TestContext.of(Map.of(), net);
    }

    private static HostSetup setup(String address, String gateway) {
        return new HostSetup(ATTACHMENT, UPLINK, Mode.STATIC, List.of(IpNetwork.parse(address)),
                List.of(Route.defaultVia(IpAddresses.parse(gateway), 0, false)));
    }

    @Test
    void setsForwardingBeforeAcceptRaAndKeepsUplinkWithoutIpv6() {
        when(net.addresses(5)).thenReturn(List.of());
        backend.configureHost(setup("192.0.2.2/24", "192.0.2.1"), context);
        InOrder order = inOrder(net);
        order.verify(net).setSysctl("net.ipv4.ip_forward", "1");
        order.verify(net).setSysctl("net.ipv6.conf.all.forwarding", "1");
        order.verify(net).setSysctl("net.ipv6.conf.eth0.disable_ipv6", "1");
        order.verify(net).setSysctl("net.ipv6.conf.mos.accept_ra", "2");
        verify(net).addAddress("mos", IpNetwork.parse("192.0.2.2/24"), Set.of());
        // A route without an interface goes on the host interface.
        verify(net).replaceRoute(Route.defaultVia(IpAddresses.parse("192.0.2.1"), 5, false));
    }

    @Test
    void staticIpv6AddressSkipsDad() {
        when(net.addresses(5)).thenReturn(List.of());
        backend.configureHost(setup("2001:db8::2/64", "2001:db8::1"), context);
        verify(net).addAddress("mos", IpNetwork.parse("2001:db8::2/64"), Set.of(Address.AddressFlag.NODAD));
    }

    @Test
    void leavesPresentAddressesAlone() {
        when(net.addresses(5)).thenReturn(List.of(Address.permanent(5, IpNetwork.parse("192.0.2.2/24"))));
        backend.configureHost(setup("192.0.2.2/24", "192.0.2.1"), context);
        verify(net, never()).addAddress(anyString(), any(), any());
    }

    @Test
    void renewalWithNewValuesRemovesOnlyWhatItHadAdded() {
        when(net.addresses(5)).thenReturn(List.of());
        backend.configureHost(setup("192.0.2.2/24", "192.0.2.1"), context);
        doThrow(new NetworkException("RTM_DELROUTE 0.0.0.0/0: No such process", 3)).when(net)
                .deleteRoute(Route.defaultVia(IpAddresses.parse("192.0.2.1"), 5, false));
        backend.configureHost(setup("198.51.100.7/24", "198.51.100.1"), context);
        verify(net).deleteAddress("mos", IpNetwork.parse("192.0.2.2/24"));
        verify(net).deleteRoute(Route.defaultVia(IpAddresses.parse("192.0.2.1"), 5, false));
        verify(net).addAddress("mos", IpNetwork.parse("198.51.100.7/24"), Set.of());
        verify(net, never()).deleteAddress(eq("mos"), eq(IpNetwork.parse("198.51.100.7/24")));
    }
}
