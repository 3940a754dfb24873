package io.mosnet.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class NeighbourDiscoveryTest {

    private static final MacAddress HOST = MacAddress.parse("02:00:00:00:00:0a");

    @Test
    void derivesModifiedEui64LinkLocal() {
        assertEquals(IpAddresses.parse("fe80::ff:fe00:a"), Ipv6.linkLocal(HOST));
        assertEquals(IpAddresses.parse("fe80::211:22ff:fe33:4455"),
                Ipv6.linkLocal(MacAddress.parse("00:11:22:33:44:55")));
    }

    @Test
    void mapsTargetToSolicitedNodeGroup() {
        assertEquals(IpAddresses.parse("ff02::1:ff00:1"), Ipv6.solicitedNode(IpAddresses.parseIpv6("fe80::1")));
        assertEquals(IpAddresses.parse("ff02::1:ffab:cdef"),
                Ipv6.solicitedNode(IpAddresses.parseIpv6("2001:db8::12ab:cdef")));
    }

    @Test
    void buildsTheSolicitationNdisc6SendsExceptTheFlowLabel() {
        String built = Frames.hex(new NeighbourSolicitation(HOST, IpAddresses.parseIpv6("fe80::1")).toFrame());
        String captured = Frames.NEIGHBOUR_SOLICITATION;
        // bytes 14-17 hold version, traffic class and flow label; the kernel chose a flow label for ndisc6.
        assertEquals(captured.substring(0, 28) + "60000000" + captured.substring(36), built);
    }

    @Test
    void parsesKernelAdvertisementWithTargetLinkLayerAddress() {
        NeighbourAdvertisement na = NeighbourAdvertisement.parseFrame(Frames.frame(Frames.NEIGHBOUR_ADVERTISEMENT));
        assertEquals(IpAddresses.parse("fe80::1"), na.target());
        assertEquals(MacAddress.parse("02:00:00:00:00:0b"), na.targetMac());
        assertTrue(na.solicited());
        assertFalse(na.router());
    }

    @Test
    void rejectsAdvertisementWithBadChecksum() {
        String hex = Frames.NEIGHBOUR_ADVERTISEMENT;
        int at = hex.length() - 2;
        String broken = hex.substring(0, at) + "0c";
        FrameFormatException e = assertThrows(FrameFormatException.class,
                () -> NeighbourAdvertisement.parseFrame(Frames.frame(broken)));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void rejectsForwardedAdvertisement() {
        String hex = Frames.NEIGHBOUR_ADVERTISEMENT;
        String hop64 = hex.substring(0, 42) + "40" + hex.substring(44);
        assertThrows(FrameFormatException.class, () -> NeighbourAdvertisement.parseFrame(Frames.frame(hop64)));
    }

    @Test
    void rejectsOtherIcmpv6AndTruncatedPackets() {
        assertThrows(FrameFormatException.class,
                () -> NeighbourAdvertisement.parseFrame(Frames.frame(Frames.ROUTER_SOLICITATION)));
        String cut = Frames.NEIGHBOUR_ADVERTISEMENT.substring(0, 100);
        assertThrows(FrameFormatException.class, () -> NeighbourAdvertisement.parseFrame(Frames.frame(cut)));
    }

    @Test
    void rejectsZeroLengthOptionEvenWithAValidChecksum() {
        String hex = Frames.NEIGHBOUR_ADVERTISEMENT;
        String zero = hex.substring(0, hex.length() - 14) + "00" + hex.substring(hex.length() - 12);
        FrameFormatException e = assertThrows(FrameFormatException.class,
                () -> NeighbourAdvertisement.parseFrame(withValidChecksum(zero)));
        assertTrue(e.getMessage().contains("has length 0"), e.getMessage());
    }

    /** Recomputes the ICMPv6 checksum of an Ethernet/IPv6/ICMPv6 frame so that only the edited field is wrong. */
    private static java.nio.ByteBuffer withValidChecksum(String hex) {
        byte[] f = java.util.HexFormat.of().parseHex(hex);
        byte[] icmp = java.util.Arrays.copyOfRange(f, 54, f.length);
        icmp[2] = 0;
        icmp[3] = 0;
        Inet6Address src = (Inet6Address) IpAddresses.of(java.util.Arrays.copyOfRange(f, 22, 38));
        Inet6Address dst = (Inet6Address) IpAddresses.of(java.util.Arrays.copyOfRange(f, 38, 54));
        int sum = Ipv6.checksum(src, dst, 58, icmp);
        f[56] = (byte) (sum >>> 8);
        f[57] = (byte) sum;
        return java.nio.ByteBuffer.wrap(f);
    }

    @Test
    void checksumOfAnIntactPacketIsZero() {
        var na = Frames.frame(Frames.NEIGHBOUR_ADVERTISEMENT);
        byte[] icmp = new byte[32];
        na.position(54);
        na.get(icmp);
        assertEquals(0, Ipv6.checksum((Inet6Address) IpAddresses.parse("fe80::1"),
                (Inet6Address) IpAddresses.parse("fe80::ff:fe00:a"), 58, icmp));
    }
}
