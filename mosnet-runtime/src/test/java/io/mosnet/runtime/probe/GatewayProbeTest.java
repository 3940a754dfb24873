package io.mosnet.runtime.probe;

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

import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The probe against in-memory channels: a gateway that answers on one NIC only. */
class GatewayProbeTest {

    private static final Link ETH0 =
            new Link(2, "eth0", "", MacAddress.parse("02:00:00:00:00:0a"), 1500, true, true, 0);
    private static final Link ETH1 =
            new Link(3, "eth1", "", MacAddress.parse("02:00:00:00:00:0c"), 1500, true, true, 0);
    private static final MacAddress GW_MAC = MacAddress.parse("02:00:00:00:00:0b");

    private static void assertClosedSoon(FakeChannel... channels) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (FakeChannel c : channels) {
            while (!c.closed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(c.closed, "channel " + c + " closed once its probe thread is done");
        }
    }

    private static ByteBuffer arpGateway(ByteBuffer request) {
        ArpPacket req = ArpPacket.parseFrame(request);
        return new ArpPacket(ArpPacket.REPLY, GW_MAC, req.targetIp(), req.senderMac(), req.senderIp()).toFrame();
    }

    /** eth0 silent, eth1 answering for the gateway 192.0.2.1; probes from 192.0.2.10. */
    private static ProbeResult probeSilentAndAnswering(FakeChannel silent, FakeChannel answering) {
        HostNetwork net = mock(HostNetwork.class);
        when(net.openPacketChannel("eth0", PacketFilter.ARP_REPLY)).thenReturn(silent);
        when(net.openPacketChannel("eth1", PacketFilter.ARP_REPLY)).thenReturn(answering);
        return new GatewayProbe(net, Duration.ofSeconds(5), Duration.ofMillis(200))
                .probeIpv4(List.of(ETH0, ETH1), IpAddresses.parseIpv4("192.0.2.10"),
                        IpAddresses.parseIpv4("192.0.2.1"));
    }

    @Test
    void firstNicWithAnArpReplyWins() {
        FakeChannel silent = new FakeChannel(ETH0, f -> null);
        FakeChannel answering = new FakeChannel(ETH1, GatewayProbeTest::arpGateway);

        ProbeResult r = probeSilentAndAnswering(silent, answering);

        assertEquals(ETH1, r.nic());
        assertEquals(GW_MAC, r.gatewayMac());
        assertTrue(r.probed());
        assertTrue(r.elapsed().compareTo(Duration.ofSeconds(1)) < 0, r.elapsed().toString());
        assertClosedSoon(silent, answering);
        ArpPacket sent = ArpPacket.parseFrame(Frames.frame(answering.sent.get(0)));
        assertEquals(IpAddresses.parse("192.0.2.10"), sent.senderIp(), "the configured address is the sender");
    }

    @Test
    void theAnswerDoesNotWaitForTheSocketsToClose() {
        FakeChannel silent = new FakeChannel(ETH0, f -> null);
        FakeChannel answering = new FakeChannel(ETH1, GatewayProbeTest::arpGateway);
        silent.closing = new java.util.concurrent.CountDownLatch(1);
        answering.closing = new java.util.concurrent.CountDownLatch(1);

        ProbeResult r = probeSilentAndAnswering(silent, answering);

        assertEquals(ETH1, r.nic());
        assertFalse(answering.closed, "the winner's socket is still closing");
        silent.closing.countDown();
        answering.closing.countDown();
        assertClosedSoon(silent, answering);
    }

    @Test
    void ignoresRepliesFromOtherHosts() {
        HostNetwork net = mock(HostNetwork.class);
        FakeChannel other = new FakeChannel(ETH0, f -> new ArpPacket(ArpPacket.REPLY, GW_MAC,
                IpAddresses.parseIpv4("192.0.2.99"), ETH0.mac(), IpAddresses.parseIpv4("192.0.2.10")).toFrame());
        when(net.openPacketChannel("eth0", PacketFilter.ARP_REPLY)).thenReturn(other);
        assertThrows(GatewayUnreachableException.class, () -> new GatewayProbe(net, Duration.ofMillis(300),
                Duration.ofMillis(100)).probeIpv4(List.of(ETH0), null, IpAddresses.parseIpv4("192.0.2.1")));
    }

    @Test
    void failureNamesEveryNicAndTheWait() {
        HostNetwork net = mock(HostNetwork.class);
        when(net.openPacketChannel("eth0", PacketFilter.ARP_REPLY)).thenReturn(new FakeChannel(ETH0, f -> null));
        when(net.openPacketChannel("eth1", PacketFilter.ARP_REPLY))
                .thenThrow(new io.mosnet.api.net.NetworkException("bind AF_PACKET on eth1: Network is down", 100));

        GatewayUnreachableException e = assertThrows(GatewayUnreachableException.class,
                () -> new GatewayProbe(net, Duration.ofMillis(300), Duration.ofMillis(100))
                        .probeIpv4(List.of(ETH0, ETH1), null, IpAddresses.parseIpv4("192.0.2.1")));

        String m = e.getMessage();
        assertTrue(m.startsWith("no NIC reached gateway 192.0.2.1 by ARP within 0."), m);
        assertTrue(m.contains("eth0 (no answer to "), m);
        assertTrue(m.contains("eth1 (failed: bind AF_PACKET on eth1: Network is down)"), m);
    }

    @Test
    void probesIpv6GatewayWithNeighbourSolicitation() {
        HostNetwork net = mock(HostNetwork.class);
        FakeChannel ch = new FakeChannel(ETH0, f -> Frames.frame(Frames.NEIGHBOUR_ADVERTISEMENT));
        when(net.openPacketChannel("eth0", PacketFilter.NEIGHBOUR_ADVERTISEMENT)).thenReturn(ch);
        when(net.links()).thenReturn(List.of(ETH0));

        ProbeResult r = new GatewayProbe(net, Duration.ofSeconds(5), Duration.ofMillis(200)).select(null,
                new StaticIpv6(IpAddresses.parseIpv6("2001:db8::10"), 128, IpAddresses.parseIpv6("fe80::1"), null),
                "mos");

        assertEquals(ETH0, r.nic());
        assertEquals(GW_MAC, r.gatewayMac());
        assertEquals(Frames.NEIGHBOUR_SOLICITATION.substring(0, 28), ch.sent.get(0).substring(0, 28));
    }

    @Test
    void pinnedDeviceSkipsProbingButIsBroughtUp() {
        HostNetwork net = mock(HostNetwork.class);
        Link down = new Link(3, "eth1", "", ETH1.mac(), 1500, false, false, 0);
        when(net.requireLink("eth1")).thenReturn(down);
        when(net.link(3)).thenReturn(Optional.of(ETH1));

        ProbeResult r = new GatewayProbe(net).select(new StaticIpv4(IpAddresses.parseIpv4("192.0.2.10"),
                IpAddresses.parseIpv4("192.0.2.1"), 24, "eth1"), null, "mos");

        assertEquals(ETH1, r.nic());
        assertFalse(r.probed());
        verify(net).setUp("eth1", true);
        verify(net, never()).openPacketChannel(anyString(), any());
        verify(net, never()).openPacketChannel(eq("eth1"), any(PacketFilter.class));
    }

    @Test
    void saysSoWhenThereIsNoCandidate() {
        HostNetwork net = mock(HostNetwork.class);
        when(net.links()).thenReturn(List.of());
        GatewayUnreachableException e = assertThrows(GatewayUnreachableException.class,
                () -> new GatewayProbe(net).select(new StaticIpv4(IpAddresses.parseIpv4("192.0.2.10"),
                        IpAddresses.parseIpv4("192.0.2.1"), 24, null), null, "mos"));
        assertTrue(e.getMessage().startsWith("no candidate NIC to probe gateway 192.0.2.1 by ARP"), e.getMessage());
    }
}
