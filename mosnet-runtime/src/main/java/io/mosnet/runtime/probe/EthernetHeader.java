package io.mosnet.runtime.probe;

import io.mosnet.api.net.MacAddress;
import java.nio.ByteBuffer;

/**
 * The 14-byte Ethernet II header (IEEE 802.3 clause 3.2.6 with a type field). AF_PACKET hands frames over without
 * the VLAN tag, which the kernel has already stripped into metadata, so the type is at offset 12.
 */
public record EthernetHeader(MacAddress destination, MacAddress source, int etherType) {

    public static final int LENGTH = 14;
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    /** Frames shorter than this (without FCS) must be padded (IEEE 802.3 minimum frame of 64 bytes with FCS). */
    public static final int MINIMUM_FRAME = 60;

    public void writeTo(ByteBuffer b) {
        b.put(destination.toBytes()).put(source.toBytes()).putShort((short) etherType);
    }

    /** Reads the header at the buffer's position without moving it. */
    public static EthernetHeader read(ByteBuffer frame) {
        if (frame.remaining() < LENGTH) {
            throw new FrameFormatException("a " + frame.remaining() + "-byte frame has no room for an Ethernet header");
        }
        byte[] h = new byte[LENGTH];
        frame.duplicate().get(h);
        return new EthernetHeader(MacAddress.of(h, 0), MacAddress.of(h, 6), ((h[12] & 0xff) << 8) | (h[13] & 0xff));
    }
}
