package io.mosnet.runtime.probe;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/** The IPv6 header (RFC 8200 section 3) and the address arithmetic neighbour discovery needs. */
final class Ipv6 {

    static final int HEADER_LENGTH = 40;
    static final int NEXT_HEADER_ICMPV6 = 58;

    record Header(int payloadLength, int nextHeader, int hopLimit, Inet6Address source, Inet6Address destination) {
    }

    private Ipv6() {
    }

    static void writeHeader(ByteBuffer b, Inet6Address src, Inet6Address dst, int nextHeader, int payloadLength,
                            int hopLimit) {
        b.putInt(6 << 28).putShort((short) payloadLength).put((byte) nextHeader).put((byte) hopLimit)
                .put(src.getAddress()).put(dst.getAddress());
    }

    static Header readHeader(ByteBuffer b) {
        if (b.remaining() < HEADER_LENGTH) {
            throw new FrameFormatException("IPv6 packet of " + b.remaining() + " bytes has no room for its header");
        }
        int first = b.getInt();
        if (first >>> 28 != 6) {
            throw new FrameFormatException("IP version " + (first >>> 28) + " in an IPv6 frame");
        }
        int payload = b.getShort() & 0xffff;
        int next = b.get() & 0xff;
        int hops = b.get() & 0xff;
        byte[] s = new byte[16];
        byte[] d = new byte[16];
        b.get(s).get(d);
        if (payload > b.remaining()) {
            throw new FrameFormatException("IPv6 payload length " + payload + " exceeds the " + b.remaining()
                    + " bytes that follow");
        }
        return new Header(payload, next, hops, (Inet6Address) IpAddresses.of(s), (Inet6Address) IpAddresses.of(d));
    }

    /** fe80::/64 with the modified EUI-64 interface identifier of {@code mac} (RFC 4291 appendix A). */
    static Inet6Address linkLocal(MacAddress mac) {
        byte[] m = mac.toBytes();
        byte[] a = new byte[16];
        a[0] = (byte) 0xfe;
        a[1] = (byte) 0x80;
        a[8] = (byte) (m[0] ^ 0x02); // invert the universal/local bit
        a[9] = m[1];
        a[10] = m[2];
        a[11] = (byte) 0xff;
        a[12] = (byte) 0xfe;
        a[13] = m[3];
        a[14] = m[4];
        a[15] = m[5];
        return (Inet6Address) IpAddresses.of(a);
    }

    /** ff02::1:ffXX:XXXX from the low 24 bits of {@code target} (RFC 4291 section 2.7.1). */
    static Inet6Address solicitedNode(Inet6Address target) {
        byte[] t = target.getAddress();
        byte[] a = new byte[16];
        a[0] = (byte) 0xff;
        a[1] = 0x02;
        a[11] = 0x01;
        a[12] = (byte) 0xff;
        a[13] = t[13];
        a[14] = t[14];
        a[15] = t[15];
        return (Inet6Address) IpAddresses.of(a);
    }

    /** 33:33 followed by the low 32 bits of a multicast address (RFC 2464 section 7). */
    static MacAddress multicastMac(Inet6Address group) {
        byte[] g = group.getAddress();
        return MacAddress.of(new byte[] {0x33, 0x33, g[12], g[13], g[14], g[15]});
    }

    /**
     * The Internet checksum over the pseudo-header (RFC 8200 section 8.1) and {@code upper}; with the checksum
     * field zeroed it is the value to put there, over a received packet it is 0 when the packet is intact.
     */
    static int checksum(Inet6Address src, Inet6Address dst, int nextHeader, byte[] upper) {
        long sum = 0;
        sum += words(src.getAddress());
        sum += words(dst.getAddress());
        sum += (upper.length >>> 16) + (upper.length & 0xffff);
        sum += nextHeader;
        sum += words(upper);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long words(byte[] b) {
        long sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if ((b.length & 1) != 0) {
            sum += (b[b.length - 1] & 0xff) << 8;
        }
        return sum;
    }
}
