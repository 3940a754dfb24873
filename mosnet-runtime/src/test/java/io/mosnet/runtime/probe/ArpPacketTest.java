package io.mosnet.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import org.junit.jupiter.api.Test;

class ArpPacketTest {

    private static final MacAddress HOST = MacAddress.parse("02:00:00:00:00:0a");
    private static final MacAddress GW = MacAddress.parse("02:00:00:00:00:0b");

    @Test
    void buildsTheRequestLinuxSendsPaddedToTheMinimumFrame() {
        String built = Frames.hex(ArpPacket.request(HOST, IpAddresses.parseIpv4("10.0.0.2"),
                IpAddresses.parseIpv4("10.0.0.1")).toFrame());
        assertEquals(Frames.ARP_REQUEST + "00".repeat(18), built);
    }

    @Test
    void buildsProbeWithZeroSender() {
        ArpPacket probe = ArpPacket.parseFrame(ArpPacket.request(HOST, IpAddresses.parseIpv4("0.0.0.0"),
                IpAddresses.parseIpv4("10.0.0.1")).toFrame());
        assertEquals(IpAddresses.parse("0.0.0.0"), probe.senderIp());
        assertEquals(ArpPacket.REQUEST, probe.operation());
    }

    @Test
    void parsesLinuxReply() {
        assertEquals(new ArpPacket(ArpPacket.REPLY, GW, IpAddresses.parseIpv4("10.0.0.1"), HOST,
                IpAddresses.parseIpv4("10.0.0.2")), ArpPacket.parseFrame(Frames.frame(Frames.ARP_REPLY)));
    }

    @Test
    void rejectsTruncatedArp() {
        String cut = Frames.ARP_REPLY.substring(0, Frames.ARP_REPLY.length() - 8);
        assertThrows(FrameFormatException.class, () -> ArpPacket.parseFrame(Frames.frame(cut)));
    }

    @Test
    void rejectsNonArpFrames() {
        assertThrows(FrameFormatException.class,
                () -> ArpPacket.parseFrame(Frames.frame(Frames.NEIGHBOUR_ADVERTISEMENT)));
        assertThrows(FrameFormatException.class, () -> ArpPacket.parseFrame(Frames.frame("0102")));
    }

    @Test
    void rejectsArpForOtherProtocols() {
        String ipx = Frames.ARP_REPLY.substring(0, 32) + "8137" + Frames.ARP_REPLY.substring(36);
        assertThrows(FrameFormatException.class, () -> ArpPacket.parseFrame(Frames.frame(ipx)));
    }
}
