package io.mosnet.linuxbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.BridgeVlan;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The vlan topology on a Linux bridge, as calls on the host network; the bytes each call sends are pinned by
 * mosnet-runtime's BridgeVlanEncodingTest against iproute2's (this machine's kernel has no bridge VLAN filtering).
 */
class BridgeVlansTest {

    private static final MacAddress NIC_MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Link NIC = new Link(2, "eth0", "", NIC_MAC, 1500, true, true, 5);
    private static final Link MOS = new Link(5, "mos", "bridge", NIC_MAC, 1500, true, true, 0);

    private final HostNetwork net = mock(HostNetwork.class);
    private final LinuxBridgeBackend backend = new LinuxBridgeBackend();
    private PluginContext ctx;

    @BeforeEach
    void setUp() {
        ctx = TestContext.over(net);
        when(net.requireLink("eth0")).thenReturn(NIC);
        when(net.requireLink("mos")).thenReturn(MOS);
        when(net.link("mos")).thenReturn(Optional.of(MOS));
        when(net.sysctl(anyString())).thenReturn(Optional.of("1"));
    }

    @Test
    void turnsFilteringOnTagsTheUplinkAndMakesTheBridgeAnAccessPortOfTheVlan() {
        when(net.bridgeVlanFiltering("mos")).thenReturn(false);
        // What a bridge holds when filtering has just been switched on: default VLAN 1, PVID untagged, everywhere.
        when(net.bridgeVlans()).thenReturn(List.of(new BridgeVlan(5, 1, true, true), new BridgeVlan(2, 1, true, true)));

        BridgeAttachment a = backend.attach(new BridgeRequest("mos", NIC, Mode.STATIC, 4000, 1400), ctx);

        assertFalse(a.adopted());
        InOrder order = inOrder(net);
        order.verify(net).setBridgeVlanFiltering("mos", true);
        order.verify(net).addBridgeVlan("eth0", 4000, false, false);
        order.verify(net).addBridgeVlan("mos", 4000, true, true);
        order.verify(net).deleteBridgeVlan("mos", 1);
        verify(net, never()).deleteBridgeVlan("eth0", 1); // the native VLAN stays for VMs
        verify(net).setMtu("mos", 1400);
    }

    @Test
    void aConvergedBridgeIsAdoptedWithoutAChange() {
        Link mos1400 = new Link(5, "mos", "bridge", NIC_MAC, 1400, true, true, 0);
        when(net.link("mos")).thenReturn(Optional.of(mos1400));
        when(net.bridgeVlanFiltering("mos")).thenReturn(true);
        when(net.bridgeVlans()).thenReturn(List.of(new BridgeVlan(5, 4000, true, true), new BridgeVlan(2, 1, true, true),
                new BridgeVlan(2, 4000, false, false)));

        BridgeAttachment a = backend.attach(new BridgeRequest("mos", NIC, Mode.STATIC, 4000, 1400), ctx);

        assertTrue(a.adopted());
        verify(net, never()).setBridgeVlanFiltering(anyString(), anyBoolean());
        verify(net, never()).addBridgeVlan(anyString(), anyInt(), anyBoolean(), anyBoolean());
        verify(net, never()).deleteBridgeVlan(anyString(), anyInt());
        verify(net, never()).setMtu(anyString(), anyInt());
    }

    @Test
    void anUntaggedRequestNeverTouchesVlans() {
        backend.attach(new BridgeRequest("mos", NIC, Mode.DHCP), ctx);
        verify(net, never()).bridgeVlanFiltering(anyString());
        verify(net, never()).bridgeVlans();
    }

    @Test
    void aKernelWithoutVlanFilteringIsNamedInTheError() {
        when(net.bridgeVlanFiltering("mos")).thenReturn(false);
        doThrow(new NetworkException("RTM_NEWLINK mos type bridge vlan_filtering 1: Operation not supported", 95))
                .when(net).setBridgeVlanFiltering("mos", true);

        MosnetException e = assertThrows(MosnetException.class,
                () -> backend.attach(new BridgeRequest("mos", NIC, Mode.STATIC, 4000, 0), ctx));
        assertEquals("bridge mos: this kernel has no bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING); the vlan "
                + "topology needs it, or mosbridge=ovs", e.getMessage());
        assertEquals(95, ((NetworkException) e.getCause()).errno());
    }

    @Test
    void reportsMembershipsByPortName() {
        when(net.links()).thenReturn(List.of(MOS, NIC, new Link(9, "eth9", "", NIC_MAC, 1500, true, true, 0)));
        when(net.bridgeVlanFiltering("mos")).thenReturn(true);
        when(net.bridgeVlans()).thenReturn(List.of(new BridgeVlan(5, 4000, true, true), new BridgeVlan(2, 4000, false, false),
                new BridgeVlan(9, 7, true, true)));

        VlanReport r = backend.vlan("mos", ctx);

        assertTrue(r.filtering());
        assertEquals(List.of(new VlanMembership("mos", 4000, true, true), new VlanMembership("eth0", 4000, false, false)),
                r.memberships());
    }
}
