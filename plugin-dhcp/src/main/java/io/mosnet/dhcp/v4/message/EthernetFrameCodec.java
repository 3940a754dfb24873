package io.mosnet.dhcp.v4.message;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.Ipv4;
import java.nio.ByteBuffer;

/**
 * Builds and checks Ethernet II / IPv4 / UDP frames, the form in which a client without an address sends and
 * receives DHCP through a raw packet socket (RFC 2131 section 4.1 on broadcast replies and source address
 * 0.0.0.0). Received frames are checked against RFC 791 (version, header length, header checksum, no fragments) and
 * RFC 768 (length, checksum when present) before the payload is handed on.
 */
public final class EthernetFrameCodec {

    public static final int ETHERNET_HEADER = 14;
    public static final int IPV4_HEADER = 20;
    public static final int UDP_HEADER = 8;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int PROTOCOL_UDP = 17;
    private static final int TTL = 64;

    private EthernetFrameCodec() {
    }

    public static byte[] build(UdpDatagram d) {
        int udpLength = UDP_HEADER + d.payload().length;
        int ipLength = IPV4_HEADER + udpLength;
        if (ipLength > 0xffff) {
            throw new IllegalArgumentException("UDP payload of " + d.payload().length + " bytes does not fit IPv4");
        }
        ByteBuffer b = ByteBuffer.allocate(ETHERNET_HEADER + ipLength);
        b.put(d.destinationMac().toBytes()).put(d.sourceMac().toBytes()).putShort((short) ETHERTYPE_IPV4);
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength);
        b.putShort((short) 0).putShort((short) 0); // id, flags/fragment offset: never fragmented
        b.put((byte) TTL).put((byte) PROTOCOL_UDP).putShort((short) 0);
        b.put(d.sourceIp().getAddress()).put(d.destinationIp().getAddress());
        b.putShort(ip + 10, (short) checksum(b.array(), ip, IPV4_HEADER, 0));
        int udp = b.position();
        b.putShort((short) d.sourcePort()).putShort((short) d.destinationPort()).putShort((short) udpLength)
                .putShort((short) 0).put(d.payload());
        int sum = checksum(b.array(), udp, udpLength, pseudoHeaderSum(d, udpLength));
        // RFC 768: a computed checksum of zero is sent as all ones; zero means "no checksum".
        b.putShort(udp + 6, (short) (sum == 0 ? 0xffff : sum));
        return b.array();
    }

    /** Parses the frame in {@code frame} (position to limit) without changing the buffer's position. */
    public static UdpDatagram parse(ByteBuffer frame) {
        byte[] f = new byte[frame.remaining()];
        frame.duplicate().get(f);
        return parse(f);
    }

    public static UdpDatagram parse(byte[] f) {
        if (f.length < ETHERNET_HEADER + IPV4_HEADER + UDP_HEADER) {
            throw new DhcpParseException("frame of " + f.length + " bytes is too short for Ethernet, IPv4 and UDP");
        }
        ByteBuffer b = ByteBuffer.wrap(f);
        int etherType = b.getShort(12) & 0xffff;
        if (etherType != ETHERTYPE_IPV4) {
            throw new DhcpParseException("frame EtherType 0x" + Integer.toHexString(etherType) + " is not IPv4");
        }
        int ip = ETHERNET_HEADER;
        int versionIhl = f[ip] & 0xff;
        if (versionIhl >>> 4 != 4) {
            throw new DhcpParseException("IP version " + (versionIhl >>> 4) + " is not 4");
        }
        int ihl = (versionIhl & 0x0f) * 4;
        int total = b.getShort(ip + 2) & 0xffff;
        if (ihl < IPV4_HEADER || total < ihl + UDP_HEADER || ip + total > f.length) {
            throw new DhcpParseException("IPv4 header length " + ihl + " / total length " + total
                    + " do not fit a frame of " + f.length + " bytes");
        }
        if (checksum(f, ip, ihl, 0) != 0) {
            throw new DhcpParseException("IPv4 header checksum is wrong");
        }
        int fragment = b.getShort(ip + 6) & 0xffff;
        if ((fragment & 0x3fff) != 0) {
            throw new DhcpParseException("IPv4 fragment (flags/offset 0x" + Integer.toHexString(fragment)
                    + "): DHCP replies must fit one frame");
        }
        int protocol = f[ip + 9] & 0xff;
        if (protocol != PROTOCOL_UDP) {
            throw new DhcpParseException("IPv4 protocol " + protocol + " is not UDP");
        }
        int udp = ip + ihl;
        int udpLength = b.getShort(udp + 4) & 0xffff;
        if (udpLength < UDP_HEADER || udpLength > total - ihl) {
            throw new DhcpParseException("UDP length " + udpLength + " does not fit the IPv4 payload of "
                    + (total - ihl) + " bytes");
        }
        byte[] payload = new byte[udpLength - UDP_HEADER];
        System.arraycopy(f, udp + UDP_HEADER, payload, 0, payload.length);
        UdpDatagram d = new UdpDatagram(MacAddress.of(f, 6), MacAddress.of(f, 0), Ipv4.read(f, ip + 12),
                Ipv4.read(f, ip + 16), b.getShort(udp) & 0xffff, b.getShort(udp + 2) & 0xffff, payload);
        int sent = b.getShort(udp + 6) & 0xffff;
        if (sent != 0 && checksum(f, udp, udpLength, pseudoHeaderSum(d, udpLength)) != 0
                && sent != partialChecksum(d, udpLength)) {
            throw new DhcpParseException("UDP checksum 0x" + Integer.toHexString(sent) + " is wrong");
        }
        return d;
    }

    /**
     * What the checksum field holds when the sender left the sum to checksum offload (CHECKSUM_PARTIAL): the folded
     * pseudo-header sum, not complemented. A raw socket on the same host, or on a veth or virtio peer, sees the
     * frame before any hardware finished it; the kernel says so with TP_STATUS_CSUMNOTREADY, which a plain frame
     * does not carry, so this exact value is accepted as "not computed yet" (as dhclient and systemd-networkd do).
     */
    static int partialChecksum(UdpDatagram d, int udpLength) {
        return ~checksum(new byte[0], 0, 0, pseudoHeaderSum(d, udpLength)) & 0xffff;
    }

    private static int pseudoHeaderSum(UdpDatagram d, int udpLength) {
        int src = Ipv4.bits(d.sourceIp());
        int dst = Ipv4.bits(d.destinationIp());
        return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + PROTOCOL_UDP + udpLength;
    }

    /** RFC 1071 one's-complement sum; 0 when a received header including its checksum field is intact. */
    static int checksum(byte[] data, int offset, int length, int initial) {
        long sum = initial & 0xffffffffL;
        int i = offset;
        for (; i + 1 < offset + length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < offset + length) {
            sum += (data[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
