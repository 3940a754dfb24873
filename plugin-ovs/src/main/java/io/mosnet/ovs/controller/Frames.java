package io.mosnet.ovs.controller;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Parsing and building of the few Ethernet frames the proxy handles: ARP (RFC 826) and ICMPv6 neighbour
 * discovery (RFC 4861 sections 4.3, 4.4). Parsing is bounded and total: anything malformed, truncated or with
 * IPv6 extension headers is simply not recognised (empty), never an exception.
 */
final class Frames {

    static final int ETH_HEADER = 14;
    static final int ETH_TYPE_ARP = 0x0806;
    static final int ETH_TYPE_IPV6 = 0x86dd;
    static final int ARP_REQUEST = 1;
    static final int ARP_REPLY = 2;
    static final int ND_NEIGHBOR_SOLICITATION = 135;
    static final int ND_NEIGHBOR_ADVERTISEMENT = 136;
    static final int OPTION_SOURCE_LLADDR = 1;
    static final int OPTION_TARGET_LLADDR = 2;
    /** Frames larger than a jumbo frame are not ARP or ND; refusing them bounds the work per packet-in. */
    static final int MAX_FRAME = 9216;

    private Frames() {
    }

    record Arp(MacAddress ethSrc, int op, MacAddress sha, Inet4Address spa, MacAddress tha, Inet4Address tpa) {
    }

    /**
     * A neighbour solicitation or advertisement. {@code lladdr} is the source (NS) or target (NA) link-layer
     * address option, or null; {@code optionOffset} is where its 6 bytes sit in the frame (-1 when absent).
     */
    record Nd(MacAddress ethSrc, int type, Inet6Address src, Inet6Address dst, Inet6Address target, int flags,
              MacAddress lladdr, int optionOffset) {
    }

    static int ethType(byte[] f) {
        return f.length < ETH_HEADER ? -1 : u16(f, 12);
    }

    static Optional<Arp> parseArp(byte[] f) {
        // Ethernet/IPv4 ARP only: htype 1, ptype 0x0800, hlen 6, plen 4 (RFC 826).
        if (f.length < ETH_HEADER + 28 || f.length > MAX_FRAME || ethType(f) != ETH_TYPE_ARP
                || u16(f, 14) != 1 || u16(f, 16) != 0x0800 || (f[18] & 0xff) != 6 || (f[19] & 0xff) != 4) {
            return Optional.empty();
        }
        int op = u16(f, 20);
        if (op != ARP_REQUEST && op != ARP_REPLY) {
            return Optional.empty();
        }
        return Optional.of(new Arp(MacAddress.of(f, 6), op, MacAddress.of(f, 22), ipv4(f, 28), MacAddress.of(f, 32),
                ipv4(f, 38)));
    }

    static Optional<Nd> parseNd(byte[] f) {
        int ip = ETH_HEADER;
        int icmp = ip + 40;
        // Next header must be ICMPv6 directly and hop limit 255 (RFC 4861 section 7.1.1: else not from on-link).
        if (f.length < icmp + 24 || f.length > MAX_FRAME || ethType(f) != ETH_TYPE_IPV6 || (f[ip] & 0xf0) != 0x60
                || (f[ip + 6] & 0xff) != 58 || (f[ip + 7] & 0xff) != 255) {
            return Optional.empty();
        }
        int payload = u16(f, ip + 4);
        if (payload < 24 || icmp + payload > f.length) {
            return Optional.empty();
        }
        int type = f[icmp] & 0xff;
        if ((type != ND_NEIGHBOR_SOLICITATION && type != ND_NEIGHBOR_ADVERTISEMENT) || f[icmp + 1] != 0) {
            return Optional.empty();
        }
        int flags = (int) (u32(f, icmp + 4) >>> 29);
        Inet6Address target = ipv6(f, icmp + 8);
        int wanted = type == ND_NEIGHBOR_SOLICITATION ? OPTION_SOURCE_LLADDR : OPTION_TARGET_LLADDR;
        MacAddress ll = null;
        int llOffset = -1;
        int end = icmp + payload;
        int o = icmp + 24;
        // At most a payload's worth of 8-byte options: the loop is bounded by the frame size.
        while (o + 2 <= end) {
            int optType = f[o] & 0xff;
            int optLen = (f[o + 1] & 0xff) * 8;
            if (optLen == 0 || o + optLen > end) {
                return Optional.empty();
            }
            if (optType == wanted && optLen == 8 && ll == null) {
                ll = MacAddress.of(f, o + 2);
                llOffset = o + 2;
            }
            o += optLen;
        }
        return Optional.of(new Nd(MacAddress.of(f, 6), type, ipv6(f, ip + 8), ipv6(f, ip + 24), target, flags, ll,
                llOffset));
    }

    /** The ARP reply (RFC 826) telling {@code request}'s sender that its target is at {@code mac}. */
    static byte[] arpReply(Arp request, MacAddress mac) {
        ByteBuffer b = ByteBuffer.allocate(ETH_HEADER + 28);
        b.put(request.sha().toBytes()).put(mac.toBytes()).putShort((short) ETH_TYPE_ARP);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) ARP_REPLY);
        b.put(mac.toBytes()).put(request.tpa().getAddress());
        b.put(request.sha().toBytes()).put(request.spa().getAddress());
        return b.array();
    }

    /**
     * The solicited neighbour advertisement (RFC 4861 section 7.2.4) answering {@code ns} with {@code mac}: S and O
     * set, the target link-layer address option carrying {@code mac}. A DAD probe (source ::) is answered to
     * all-nodes without the S flag.
     */
    static byte[] neighbourAdvertisement(Nd ns, MacAddress mac) {
        boolean dad = ns.src().isAnyLocalAddress();
        Inet6Address dst = dad ? IpAddresses.parseIpv6("ff02::1") : ns.src();
        MacAddress ethDst = dad ? new MacAddress(0x3333_0000_0001L) : ns.ethSrc();
        int icmpLength = 24 + 8;
        ByteBuffer b = ByteBuffer.allocate(ETH_HEADER + 40 + icmpLength);
        b.put(ethDst.toBytes()).put(mac.toBytes()).putShort((short) ETH_TYPE_IPV6);
        b.putInt(0x6000_0000).putShort((short) icmpLength).put((byte) 58).put((byte) 255);
        b.put(ns.target().getAddress()).put(dst.getAddress());
        int icmp = b.position();
        b.put((byte) ND_NEIGHBOR_ADVERTISEMENT).put((byte) 0).putShort((short) 0);
        b.putInt(dad ? 0x2000_0000 : 0x6000_0000);
        b.put(ns.target().getAddress());
        b.put((byte) OPTION_TARGET_LLADDR).put((byte) 1).put(mac.toBytes());
        byte[] f = b.array();
        writeIcmpv6Checksum(f, icmp);
        return f;
    }

    /**
     * Rewrites the Ethernet source and, for ND, the link-layer address option to {@code mac} (recomputing the
     * ICMPv6 checksum), and for ARP the sender hardware address: how a VM's resolution traffic leaves with the
     * NIC's MAC so upstream neighbours resolve the VM's address to the NIC.
     */
    static byte[] rewriteSource(byte[] frame, MacAddress mac) {
        byte[] f = frame.clone();
        System.arraycopy(mac.toBytes(), 0, f, 6, 6);
        Optional<Arp> arp = parseArp(f);
        if (arp.isPresent()) {
            System.arraycopy(mac.toBytes(), 0, f, 22, 6);
            return f;
        }
        Optional<Nd> nd = parseNd(f);
        if (nd.isPresent() && nd.get().optionOffset() > 0) {
            System.arraycopy(mac.toBytes(), 0, f, nd.get().optionOffset(), 6);
            writeIcmpv6Checksum(f, ETH_HEADER + 40);
        }
        return f;
    }

    /** RFC 4443 section 2.3: the checksum over the IPv6 pseudo-header (RFC 8200 section 8.1) and the message. */
    static void writeIcmpv6Checksum(byte[] f, int icmp) {
        int length = u16(f, ETH_HEADER + 4);
        f[icmp + 2] = 0;
        f[icmp + 3] = 0;
        long sum = 0;
        for (int i = ETH_HEADER + 8; i < ETH_HEADER + 40; i += 2) {
            sum += u16(f, i);
        }
        sum += length;
        sum += 58;
        for (int i = icmp; i < icmp + length; i += 2) {
            sum += i + 1 < icmp + length ? u16(f, i) : (f[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int c = (int) (~sum & 0xffff);
        f[icmp + 2] = (byte) (c >>> 8);
        f[icmp + 3] = (byte) c;
    }

    static Inet4Address ipv4(byte[] f, int off) {
        byte[] a = new byte[4];
        System.arraycopy(f, off, a, 0, 4);
        return (Inet4Address) IpAddresses.of(a);
    }

    static Inet6Address ipv6(byte[] f, int off) {
        byte[] a = new byte[16];
        System.arraycopy(f, off, a, 0, 16);
        InetAddress x = IpAddresses.of(a);
        if (x instanceof Inet6Address v6) {
            return v6;
        }
        // InetAddress.getByAddress maps ::ffff:a.b.c.d to IPv4; rebuild it as an IPv6 address.
        try {
            return Inet6Address.getByAddress(null, a, -1);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int u16(byte[] f, int off) {
        return ((f[off] & 0xff) << 8) | (f[off + 1] & 0xff);
    }

    private static long u32(byte[] f, int off) {
        return ((long) u16(f, off) << 16) | u16(f, off + 2);
    }
}
