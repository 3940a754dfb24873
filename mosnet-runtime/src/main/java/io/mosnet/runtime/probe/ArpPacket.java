package io.mosnet.runtime.probe;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * An Ethernet/IPv4 ARP packet (RFC 826): hardware type 1, protocol 0x0800, lengths 6 and 4.
 *
 * @param operation 1 request, 2 reply
 */
public record ArpPacket(int operation, MacAddress senderMac, Inet4Address senderIp, MacAddress targetMac,
                        Inet4Address targetIp) {

    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    static final int LENGTH = 28;

    /**
     * A request asking who has {@code targetIp}. {@code senderIp} 0.0.0.0 makes it an ARP probe (RFC 5227 section
     * 2.1.1), which a host may send before it has an address; the target hardware address is zero, as RFC 5227
     * asks and as Linux sends it.
     */
    public static ArpPacket request(MacAddress senderMac, Inet4Address senderIp, Inet4Address targetIp) {
        return new ArpPacket(REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
    }

    /** The whole frame: broadcast for a request, unicast to the target for a reply; padded to 60 bytes. */
    public ByteBuffer toFrame() {
        ByteBuffer b = ByteBuffer.allocate(EthernetHeader.MINIMUM_FRAME);
        MacAddress dst = operation == REQUEST ? MacAddress.BROADCAST : targetMac;
        new EthernetHeader(dst, senderMac, EthernetHeader.ETHERTYPE_ARP).writeTo(b);
        b.putShort((short) 1).putShort((short) EthernetHeader.ETHERTYPE_IPV4).put((byte) 6).put((byte) 4)
                .putShort((short) operation)
                .put(senderMac.toBytes()).put(senderIp.getAddress())
                .put(targetMac.toBytes()).put(targetIp.getAddress());
        b.position(0);
        return b;
    }

    /** Parses an ARP frame; anything else, or an ARP for other hardware or protocols, is rejected. */
    public static ArpPacket parseFrame(ByteBuffer frame) {
        EthernetHeader eth = EthernetHeader.read(frame);
        if (eth.etherType() != EthernetHeader.ETHERTYPE_ARP) {
            throw new FrameFormatException("EtherType 0x" + Integer.toHexString(eth.etherType()) + " is not ARP");
        }
        if (frame.remaining() < EthernetHeader.LENGTH + LENGTH) {
            throw new FrameFormatException("ARP frame of " + frame.remaining() + " bytes, needs "
                    + (EthernetHeader.LENGTH + LENGTH));
        }
        ByteBuffer b = frame.duplicate();
        b.position(b.position() + EthernetHeader.LENGTH);
        int htype = b.getShort() & 0xffff;
        int ptype = b.getShort() & 0xffff;
        int hlen = b.get() & 0xff;
        int plen = b.get() & 0xff;
        if (htype != 1 || ptype != EthernetHeader.ETHERTYPE_IPV4 || hlen != 6 || plen != 4) {
            throw new FrameFormatException("ARP for hardware " + htype + "/" + hlen + " and protocol 0x"
                    + Integer.toHexString(ptype) + "/" + plen + " is not Ethernet/IPv4");
        }
        int op = b.getShort() & 0xffff;
        byte[] sha = new byte[6];
        byte[] spa = new byte[4];
        byte[] tha = new byte[6];
        byte[] tpa = new byte[4];
        b.get(sha).get(spa).get(tha).get(tpa);
        return new ArpPacket(op, MacAddress.of(sha), (Inet4Address) IpAddresses.of(spa), MacAddress.of(tha),
                (Inet4Address) IpAddresses.of(tpa));
    }
}
