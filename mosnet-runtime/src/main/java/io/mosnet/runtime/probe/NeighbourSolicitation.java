package io.mosnet.runtime.probe;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * A neighbour solicitation (RFC 4861 section 4.3) in an Ethernet frame, asking who has {@code target}. It goes to
 * the target's solicited-node multicast group and carries a source link-layer address option, so its source must
 * be a real address (RFC 4861 section 7.2.2 forbids the option with ::); the link-local address derived from the
 * MAC (RFC 4291 appendix A, modified EUI-64) is used, which needs no configured address on the interface.
 */
public record NeighbourSolicitation(MacAddress senderMac, Inet6Address target) {

    static final int ICMPV6_LENGTH = 32; // type, code, checksum, reserved (8) + target (16) + SLLAO (8)

    public Inet6Address source() {
        return Ipv6.linkLocal(senderMac);
    }

    public Inet6Address destination() {
        return Ipv6.solicitedNode(target);
    }

    public ByteBuffer toFrame() {
        Inet6Address src = source();
        Inet6Address dst = destination();
        byte[] icmp = ByteBuffer.allocate(ICMPV6_LENGTH)
                .put((byte) 135).put((byte) 0).putShort((short) 0).putInt(0)
                .put(target.getAddress())
                .put((byte) 1).put((byte) 1).put(senderMac.toBytes()) // source link-layer address, 1 x 8 octets
                .array();
        int sum = Ipv6.checksum(src, dst, Ipv6.NEXT_HEADER_ICMPV6, icmp);
        icmp[2] = (byte) (sum >>> 8);
        icmp[3] = (byte) sum;
        ByteBuffer b = ByteBuffer.allocate(EthernetHeader.LENGTH + Ipv6.HEADER_LENGTH + icmp.length);
        new EthernetHeader(Ipv6.multicastMac(dst), senderMac, EthernetHeader.ETHERTYPE_IPV6).writeTo(b);
        // hop limit 255: receivers drop ND packets that crossed a router (RFC 4861 section 7.1.1)
        Ipv6.writeHeader(b, src, dst, Ipv6.NEXT_HEADER_ICMPV6, icmp.length, 255);
        b.put(icmp);
        b.flip();
        return b;
    }

    @Override
    public String toString() {
        return "NS who-has " + IpAddresses.format(target) + " from " + senderMac;
    }
}
