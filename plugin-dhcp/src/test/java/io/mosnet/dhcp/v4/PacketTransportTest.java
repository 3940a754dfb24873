package io.mosnet.dhcp.v4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import io.mosnet.dhcp.v4.message.EthernetFrameCodec;
import io.mosnet.dhcp.v4.message.UdpDatagram;
import io.mosnet.dhcp.v4.option.Ipv4;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacketTransportTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    static final MacAddress SERVER = MacAddress.parse("52:54:00:00:00:01");

    final HostNetwork network = mock(HostNetwork.class);
    final PacketChannel channel = mock(PacketChannel.class);
    final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
    final List<byte[]> sentFrames = new ArrayList<>();

    PacketTransportTest() {
        when(network.openPacketChannel("mos", PacketFilter.DHCPV4_CLIENT)).thenReturn(channel);
        when(channel.receive(any(), any())).thenAnswer(inv -> {
            byte[] f = incoming.poll(inv.getArgument(1, Duration.class).toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                return false;
            }
            ByteBuffer into = inv.getArgument(0);
            into.clear();
            into.put(f).flip();
            return true;
        });
        doAnswer(inv -> {
            ByteBuffer b = inv.getArgument(0);
            byte[] f = new byte[b.remaining()];
            b.get(f);
            sentFrames.add(f);
            return null;
        }).when(channel).send(any());
    }

    @Test
    void broadcastsFromPort68ToPort67InAnEthernetBroadcastFrame() {
        PacketTransport t = new PacketTransport(network, "mos", MAC);
        byte[] payload = {1, 2, 3};
        t.broadcast(payload, Ipv4.ANY);
        UdpDatagram d = EthernetFrameCodec.parse(sentFrames.getFirst());
        assertEquals(MAC, d.sourceMac());
        assertEquals(MacAddress.BROADCAST, d.destinationMac());
        assertEquals(Ipv4.ANY, d.sourceIp());
        assertEquals(Ipv4.BROADCAST, d.destinationIp());
        assertEquals(68, d.sourcePort());
        assertEquals(67, d.destinationPort());
        assertArrayEquals(payload, d.payload());
        t.close();
        verify(channel).close();
    }

    @Test
    void deliversOnlyServerToClientDatagramsThatPassTheChecks() throws Exception {
        PacketTransport t = new PacketTransport(network, "mos", MAC);
        BlockingQueue<byte[]> received = new ArrayBlockingQueue<>(10);
        t.start(received::add);
        byte[] good = EthernetFrameCodec.build(new UdpDatagram(SERVER, MAC, Ipv4.of(0x0a000001), Ipv4.of(0x0a000005),
                67, 68, new byte[] {7}));
        byte[] wrongPort = EthernetFrameCodec.build(new UdpDatagram(SERVER, MAC, Ipv4.of(0x0a000001),
                Ipv4.of(0x0a000005), 53, 68, new byte[] {8}));
        byte[] corrupt = good.clone();
        corrupt[14 + 12] ^= 1;
        incoming.add(new byte[] {1, 2, 3});
        incoming.add(wrongPort);
        incoming.add(corrupt);
        incoming.add(good);
        byte[] first = received.poll(5, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {7}, first);
        t.close();
        assertTrue(received.isEmpty());
    }

    @Test
    void closeDoesNotWaitForThePollingReaderWhichClosesTheChannelOnItsWayOut() throws Exception {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch pollEnds = new CountDownLatch(1);
        doAnswer(inv -> {
            polling.countDown();
            pollEnds.await();
            return false;
        }).when(channel).receive(any(), any());
        PacketTransport t = new PacketTransport(network, "mos", MAC);
        t.start(frame -> { });
        polling.await();
        // The guard only turns a hang into a failure: close() must return while the reader is still in its poll.
        assertTimeoutPreemptively(Duration.ofSeconds(10), t::close);
        verify(channel, never()).close();
        pollEnds.countDown();
        verify(channel, timeout(10_000)).close();
    }
}
