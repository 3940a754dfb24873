package io.mosnet.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateNicsTest {

    private static Link link(int index, String name, String kind, String mac, boolean up, int master) {
        return new Link(index, name, kind, mac == null ? MacAddress.ZERO : MacAddress.parse(mac), 1500, up, up,
                master);
    }

    private static final Link LO = link(1, "lo", "", null, true, 0);
    private static final Link ETH0 = link(2, "eth0", "", "52:54:00:00:00:01", false, 0);
    private static final Link VETH = link(3, "up0", "veth", "02:00:00:00:01:01", true, 0);
    private static final Link DOCKER = link(4, "docker0", "bridge", "02:42:00:00:00:01", true, 0);
    private static final Link DOCKER_PORT = link(5, "veth12ab", "veth", "02:42:00:00:00:02", true, 4);
    private static final Link TAP = link(6, "tap0", "tun", "02:00:00:00:06:06", true, 0);
    private static final Link WG = link(7, "wg0", "wireguard", null, true, 0);
    private static final Link MOS = link(8, "mos", "bridge", "52:54:00:00:00:09", true, 0);
    private static final Link UPLINK_IN_MOS = link(9, "eth1", "", "52:54:00:00:00:09", true, 8);
    private static final Link VM_PORT = link(10, "vnet0", "veth", "fe:54:00:00:00:10", true, 8);

    @Test
    void keepsPhysicalAndVethAndDropsEverythingElse() {
        List<Link> all = List.of(VM_PORT, LO, ETH0, VETH, DOCKER, DOCKER_PORT, TAP, WG, MOS, UPLINK_IN_MOS);
        assertEquals(List.of(ETH0, VETH, UPLINK_IN_MOS), CandidateNics.select(all, "mos"));
    }

    @Test
    void dropsAllBridgePortsWhenThereIsNoMosBridge() {
        assertEquals(List.of(ETH0), CandidateNics.select(List.of(ETH0, DOCKER, DOCKER_PORT), "mos"));
    }

    @Test
    void bringsDownCandidatesUp() {
        HostNetwork net = mock(HostNetwork.class);
        Link eth0Up = link(2, "eth0", "", "52:54:00:00:00:01", true, 0);
        when(net.links()).thenReturn(List.of(LO, ETH0, VETH));
        when(net.link(2)).thenReturn(Optional.of(eth0Up));
        assertEquals(List.of(eth0Up, VETH), CandidateNics.bringUp(net, "mos"));
        verify(net).setUp("eth0", true);
        verify(net, never()).setUp("up0", true);
    }
}
