package io.mosnet.dhcp.v4.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EthernetFrameCodecTest {

    static final MacAddress CLIENT = MacAddress.parse("52:54:00:12:34:56");
    static final MacAddress SERVER = MacAddress.parse("52:54:00:00:00:01");

    static UdpDatagram datagram(byte[] payload) {
        return new UdpDatagram(SERVER, CLIENT, IpAddresses.parseIpv4("10.0.0.1"), IpAddresses.parseIpv4("10.0.0.5"),
                67, 68, payload);
    }

    @Test
    void buildsAFrameThatParsesBack() {
        byte[] payload = "hello dhcp".getBytes();
        byte[] frame = EthernetFrameCodec.build(datagram(payload));
        assertEquals(14 + 20 + 8 + payload.length, frame.length);
        UdpDatagram d = EthernetFrameCodec.parse(ByteBuffer.wrap(frame));
        assertEquals(SERVER, d.sourceMac());
        assertEquals(CLIENT, d.destinationMac());
        assertEquals(67, d.sourcePort());
        assertEquals(68, d.destinationPort());
        assertArrayEquals(payload, d.payload());
    }

    @Test
    void matchesAKnownIpv4HeaderChecksum() {
        // The classic example header 4500 0073 0000 4000 4011 ____ c0a8 0001 c0a8 00c7 has checksum b861.
        byte[] h = HexFormat.of().parseHex("450000730000400040110000c0a80001c0a800c7");
        assertEquals(0xb861, EthernetFrameCodec.checksum(h, 0, h.length, 0));
    }

    @Test
    void rejectsABadIpHeaderChecksum() {
        byte[] frame = EthernetFrameCodec.build(datagram(new byte[10]));
        frame[14 + 10] ^= 1;
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(frame));
    }

    @Test
    void rejectsABadUdpChecksumButAcceptsNone() {
        byte[] frame = EthernetFrameCodec.build(datagram(new byte[] {1, 2, 3}));
        byte[] corrupted = frame.clone();
        corrupted[corrupted.length - 1] ^= 0x55;
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(corrupted));
        corrupted[14 + 20 + 6] = 0;
        corrupted[14 + 20 + 7] = 0;
        assertEquals(3, EthernetFrameCodec.parse(corrupted).payload().length, "checksum 0 means none (RFC 768)");
    }

    @Test
    void acceptsTheUnfinishedChecksumOfOffloadedFrames() {
        // As a raw socket sees a frame from a veth peer: the field holds only the pseudo-header sum.
        UdpDatagram d = datagram(new byte[] {1, 2, 3, 4, 5});
        byte[] frame = EthernetFrameCodec.build(d);
        int partial = EthernetFrameCodec.partialChecksum(d, 8 + 5);
        frame[14 + 20 + 6] = (byte) (partial >>> 8);
        frame[14 + 20 + 7] = (byte) partial;
        assertEquals(5, EthernetFrameCodec.parse(frame).payload().length);
        frame[frame.length - 1] ^= 0x40;
        frame[14 + 20 + 6] ^= 1;
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(frame));
    }

    @Test
    void acceptsEthernetPaddingAfterTheDatagram() {
        byte[] frame = EthernetFrameCodec.build(datagram(new byte[2]));
        byte[] padded = Arrays.copyOf(frame, 60);
        assertEquals(2, EthernetFrameCodec.parse(padded).payload().length);
    }

    @Test
    void rejectsFragments() {
        byte[] frame = EthernetFrameCodec.build(datagram(new byte[10]));
        frame[14 + 6] = 0x20; // more fragments
        fixIpChecksum(frame);
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(frame));
    }

    @Test
    void rejectsTruncatedOrLyingLengths() {
        byte[] frame = EthernetFrameCodec.build(datagram(new byte[10]));
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(Arrays.copyOf(frame, 40)));
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(Arrays.copyOf(frame, frame.length - 1)));
        byte[] udpTooLong = frame.clone();
        udpTooLong[14 + 20 + 5] = (byte) 200;
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(udpTooLong));
    }

    @Test
    void rejectsOtherProtocolsAndEtherTypes() {
        byte[] frame = EthernetFrameCodec.build(datagram(new byte[10]));
        byte[] tcp = frame.clone();
        tcp[14 + 9] = 6;
        fixIpChecksum(tcp);
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(tcp));
        byte[] arp = frame.clone();
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(arp));
        byte[] v6 = frame.clone();
        v6[14] = 0x65;
        assertThrows(DhcpParseException.class, () -> EthernetFrameCodec.parse(v6));
    }

    static void fixIpChecksum(byte[] frame) {
        frame[14 + 10] = 0;
        frame[14 + 11] = 0;
        int sum = EthernetFrameCodec.checksum(frame, 14, 20, 0);
        frame[14 + 10] = (byte) (sum >>> 8);
        frame[14 + 11] = (byte) sum;
    }
}
