package io.mosnet.runtime.probe;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * A received neighbour advertisement (RFC 4861 section 4.4).
 *
 * @param source     IPv6 source of the packet
 * @param target     the address being advertised
 * @param targetMac  from the target link-layer address option, or the frame's source when the option is absent
 * @param router     R flag
 * @param solicited  S flag
 */
public record NeighbourAdvertisement(Inet6Address source, Inet6Address target, MacAddress targetMac, boolean router,
                                     boolean solicited) {

    /**
     * Parses and validates an advertisement as RFC 4861 section 7.1.2 asks: hop limit 255, ICMPv6 code 0, a
     * correct checksum, at least 24 octets, and options of non-zero length. Anything else is rejected.
     */
    public static NeighbourAdvertisement parseFrame(ByteBuffer frame) {
        EthernetHeader eth = EthernetHeader.read(frame);
        if (eth.etherType() != EthernetHeader.ETHERTYPE_IPV6) {
            throw new FrameFormatException("EtherType 0x" + Integer.toHexString(eth.etherType()) + " is not IPv6");
        }
        ByteBuffer b = frame.duplicate();
        b.position(b.position() + EthernetHeader.LENGTH);
        Ipv6.Header ip = Ipv6.readHeader(b);
        if (ip.nextHeader() != Ipv6.NEXT_HEADER_ICMPV6) {
            throw new FrameFormatException("next header " + ip.nextHeader() + " is not ICMPv6");
        }
        if (ip.hopLimit() != 255) {
            throw new FrameFormatException("neighbour advertisement with hop limit " + ip.hopLimit()
                    + " was forwarded (RFC 4861 section 7.1.2 requires 255)");
        }
        byte[] icmp = new byte[ip.payloadLength()];
        b.get(icmp);
        if (icmp.length < 24 || (icmp[0] & 0xff) != 136 || icmp[1] != 0) {
            throw new FrameFormatException("ICMPv6 type " + (icmp.length > 0 ? icmp[0] & 0xff : -1) + " of "
                    + icmp.length + " bytes is not a neighbour advertisement");
        }
        if (Ipv6.checksum(ip.source(), ip.destination(), Ipv6.NEXT_HEADER_ICMPV6, icmp) != 0) {
            throw new FrameFormatException("neighbour advertisement from " + IpAddresses.format(ip.source())
                    + " has a bad checksum");
        }
        boolean router = (icmp[4] & 0x80) != 0;
        boolean solicited = (icmp[4] & 0x40) != 0;
        byte[] t = new byte[16];
        System.arraycopy(icmp, 8, t, 0, 16);
        MacAddress mac = eth.source();
        for (int off = 24; off < icmp.length; ) {
            if (icmp.length - off < 2) {
                throw new FrameFormatException("truncated option at offset " + off);
            }
            int type = icmp[off] & 0xff;
            int len = 8 * (icmp[off + 1] & 0xff);
            if (len == 0 || off + len > icmp.length) {
                throw new FrameFormatException("option type " + type + " at offset " + off + " has length " + len);
            }
            if (type == 2 && len >= 8) { // target link-layer address
                mac = MacAddress.of(icmp, off + 2);
            }
            off += len;
        }
        return new NeighbourAdvertisement(ip.source(), (Inet6Address) IpAddresses.of(t), mac, router, solicited);
    }
}
