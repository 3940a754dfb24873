package io.mosnet.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.PacketFilter;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** RFC 5227 probes against an in-memory channel, with the probe's timing shrunk to milliseconds. */
class AddressConflictProbeTest {

    private static final Link MOS = new Link(5, "mos", "bridge", MacAddress.parse("02:00:00:00:00:0a"), 1500, true,
            true, 0);
    private static final MacAddress OTHER = MacAddress.parse("02:00:00:00:00:99");
    private static final Inet4Address ADDRESS = IpAddresses.parseIpv4("10.0.0.5");

    private final HostNetwork network = mock(HostNetwork.class);

    private FakeChannel channel(Function<ByteBuffer, ByteBuffer> peer) {
        FakeChannel c = new FakeChannel(MOS, peer);
        when(network.openPacketChannel(eq("mos"), eq(PacketFilter.ARP_REPLY))).thenReturn(c);
        return c;
    }

    private Optional<MacAddress> probe() {
        return new AddressConflictProbe(network, 3, Duration.ofMillis(20), Duration.ofMillis(40))
                .probe("mos", MOS.mac(), ADDRESS);
    }

    @Test
    void sendsThreeProbesFromTheUnspecifiedAddressAndFindsNoOneWhenNobodyAnswers() {
        FakeChannel c = channel(f -> null);
        assertEquals(Optional.empty(), probe());
        assertEquals(3, c.sent.size());
        ArpPacket sent = ArpPacket.parseFrame(ByteBuffer.wrap(java.util.HexFormat.of().parseHex(c.sent.get(0))));
        assertEquals(ArpPacket.REQUEST, sent.operation());
        assertEquals(IpAddresses.parseIpv4("0.0.0.0"), sent.senderIp(), "an ARP probe (RFC 5227 2.1.1)");
        assertEquals(MOS.mac(), sent.senderMac());
        assertEquals(MacAddress.ZERO, sent.targetMac());
        assertEquals(ADDRESS, sent.targetIp());
        assertTrue(c.closed);
    }

    @Test
    void anotherHostAnsweringForTheAddressIsTheConflict() {
        FakeChannel c = channel(f -> reply(OTHER, ADDRESS));
        assertEquals(Optional.of(OTHER), probe());
        assertEquals(1, c.sent.size(), "decided at the first answer");
    }

    @Test
    void answersForOtherAddressesOrFromOurOwnMacAreNoConflict() {
        int[] n = {0};
        channel(f -> n[0]++ % 2 == 0 ? reply(OTHER, IpAddresses.parseIpv4("10.0.0.6")) : reply(MOS.mac(), ADDRESS));
        assertEquals(Optional.empty(), probe());
    }

    static ByteBuffer reply(MacAddress from, Inet4Address ip) {
        return new ArpPacket(ArpPacket.REPLY, from, ip, MOS.mac(), IpAddresses.parseIpv4("0.0.0.0")).toFrame();
    }
}
