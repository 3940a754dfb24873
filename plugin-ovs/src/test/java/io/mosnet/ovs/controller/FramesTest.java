package io.mosnet.ovs.controller;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FramesTest {

    static final MacAddress NIC = MacAddress.parse("be:7d:42:67:02:4c");
    static final MacAddress PEER = MacAddress.parse("02:00:00:00:00:01");
    /** The ARP request of the OVS packet-in capture: 02:00:00:00:00:01 10.0.0.1 asks who-has 10.0.0.2. */
    static final byte[] ARP_REQUEST = HexFormat.of().parseHex(
            "ffffffffffff020000000001080600010800060400010200000000010a0000010000000000000a000002");

    /** A neighbour solicitation for {@code target} from {@code src}, with a source link-layer address option. */
    static byte[] neighbourSolicitation(String src, String target, MacAddress from) {
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + 32);
        b.put(new byte[] {0x33, 0x33, (byte) 0xff, 0, 0, 2}).put(from.toBytes()).putShort((short) 0x86dd);
        b.putInt(0x6000_0000).putShort((short) 32).put((byte) 58).put((byte) 255);
        b.put(IpAddresses.parse(src).getAddress()).put(IpAddresses.parse("ff02::1:ff00:2").getAddress());
        b.put((byte) 135).put((byte) 0).putShort((short) 0).putInt(0);
        b.put(IpAddresses.parse(target).getAddress());
        b.put((byte) 1).put((byte) 1).put(from.toBytes());
        byte[] f = b.array();
        Frames.writeIcmpv6Checksum(f, 54);
        return f;
    }

    /** Sum over pseudo-header and message including the checksum field: 0xffff when the checksum is right. */
    static boolean checksumValid(byte[] f) {
        byte[] copy = f.clone();
        int stored = ((copy[56] & 0xff) << 8) | (copy[57] & 0xff);
        Frames.writeIcmpv6Checksum(copy, 54);
        return stored == (((copy[56] & 0xff) << 8) | (copy[57] & 0xff));
    }

    @Test
    void parsesCapturedArpRequest() {
        Frames.Arp a = Frames.parseArp(ARP_REQUEST).orElseThrow();
        assertEquals(1, a.op());
        assertEquals(PEER, a.sha());
        assertEquals(IpAddresses.parse("10.0.0.1"), a.spa());
        assertEquals(IpAddresses.parse("10.0.0.2"), a.tpa());
    }

    @Test
    void buildsArpReplyWithTheGivenMac() {
        byte[] reply = Frames.arpReply(Frames.parseArp(ARP_REQUEST).orElseThrow(), NIC);
        assertEquals("020000000001" + "be7d4267024c" + "0806" + "0001080006040002" + "be7d4267024c" + "0a000002"
                + "020000000001" + "0a000001", HexFormat.of().formatHex(reply));
    }

    @Test
    void answersSolicitationWithSolicitedOverrideAdvertisement() {
        byte[] ns = neighbourSolicitation("2001:db8::1", "2001:db8::2", PEER);
        Frames.Nd n = Frames.parseNd(ns).orElseThrow();
        assertEquals(PEER, n.lladdr());
        byte[] na = Frames.neighbourAdvertisement(n, NIC);
        Frames.Nd parsed = Frames.parseNd(na).orElseThrow();
        assertEquals(136, parsed.type());
        assertEquals(0b011, parsed.flags()); // S and O, not R
        assertEquals(IpAddresses.parse("2001:db8::2"), parsed.src());
        assertEquals(IpAddresses.parse("2001:db8::1"), parsed.dst());
        assertEquals(NIC, parsed.lladdr());
        assertArrayEquals(PEER.toBytes(), Arrays.copyOfRange(na, 0, 6));
        assertTrue(checksumValid(na));
    }

    @Test
    void answersDuplicateAddressProbeToAllNodes() {
        byte[] ns = neighbourSolicitation("::", "2001:db8::2", PEER);
        byte[] na = Frames.neighbourAdvertisement(Frames.parseNd(ns).orElseThrow(), NIC);
        Frames.Nd parsed = Frames.parseNd(na).orElseThrow();
        assertEquals(IpAddresses.parse("ff02::1"), parsed.dst());
        assertEquals(0b001, parsed.flags()); // O only: not solicited by a unicast address
    }

    @Test
    void rewritesNdOptionAndKeepsChecksumValid() {
        byte[] ns = neighbourSolicitation("2001:db8::50", "2001:db8::1", PEER);
        byte[] out = Frames.rewriteSource(ns, NIC);
        Frames.Nd parsed = Frames.parseNd(out).orElseThrow();
        assertEquals(NIC, parsed.ethSrc());
        assertEquals(NIC, parsed.lladdr());
        assertTrue(checksumValid(out));
    }

    @Test
    void rewritesArpSenderHardwareAddress() {
        Frames.Arp a = Frames.parseArp(Frames.rewriteSource(ARP_REQUEST, NIC)).orElseThrow();
        assertEquals(NIC, a.ethSrc());
        assertEquals(NIC, a.sha());
        assertEquals(IpAddresses.parse("10.0.0.1"), a.spa());
    }

    @Test
    void ignoresTruncatedAndGarbageFrames() {
        assertTrue(Frames.parseArp(Arrays.copyOf(ARP_REQUEST, 30)).isEmpty());
        byte[] ns = neighbourSolicitation("2001:db8::1", "2001:db8::2", PEER);
        ns[21] = 64; // hop limit below 255: not on-link, RFC 4861 says drop
        assertTrue(Frames.parseNd(ns).isEmpty());
        Random r = new Random(4861);
        for (int i = 0; i < 5000; i++) {
            byte[] junk = new byte[r.nextInt(120)];
            r.nextBytes(junk);
            if (junk.length > 13 && r.nextBoolean()) {
                junk[12] = (byte) 0x86;
                junk[13] = (byte) 0xdd;
            }
            Frames.parseArp(junk);
            Frames.parseNd(junk);
        }
    }
}
