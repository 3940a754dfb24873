package io.mosnet.ovs.openflow;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An OpenFlow 1.3 OXM match (OpenFlow 1.3.5 section 7.2.2) over the fields mosnet uses; null means wildcarded.
 * Fields received from a switch that mosnet does not model (or that carry a mask) are kept as text in
 * {@code other} so flow dumps still show them.
 *
 * <p>Encoding emits the fields in the order Open vSwitch itself uses (in_port, Ethernet, L3, L4), so a match
 * built here is byte-identical to the one ovs-ofctl sends for the same flow.
 */
public record Match(Long inPort, MacAddress ethSrc, MacAddress ethDst, Integer ethType, Inet4Address ipv4Dst,
                    Inet6Address ipv6Dst, Integer ipProto, Integer icmpv6Type, Inet6Address ndTarget, Integer arpOp,
                    Inet4Address arpTpa, List<String> other) {

    public static final int ETH_TYPE_IPV4 = 0x0800;
    public static final int ETH_TYPE_ARP = 0x0806;
    public static final int ETH_TYPE_IPV6 = 0x86dd;
    public static final int IP_PROTO_ICMPV6 = 58;

    static final int OXM_CLASS_BASIC = 0x8000;
    static final int IN_PORT = 0;
    static final int ETH_DST = 3;
    static final int ETH_SRC = 4;
    static final int ETH_TYPE = 5;
    static final int IP_PROTO = 10;
    static final int IPV4_DST = 12;
    static final int ARP_OP = 21;
    static final int ARP_TPA = 23;
    static final int IPV6_DST = 27;
    static final int ICMPV6_TYPE = 29;
    static final int IPV6_ND_TARGET = 31;

    public Match {
        other = List.copyOf(other);
    }

    /** Matches every packet. */
    public static Match any() {
        return new Match(null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    public Match inPort(long port) {
        return new Match(port, ethSrc, ethDst, ethType, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp, arpTpa,
                other);
    }

    public Match ethSrc(MacAddress mac) {
        return new Match(inPort, mac, ethDst, ethType, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp, arpTpa,
                other);
    }

    public Match ethDst(MacAddress mac) {
        return new Match(inPort, ethSrc, mac, ethType, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp, arpTpa,
                other);
    }

    public Match ethType(int type) {
        return new Match(inPort, ethSrc, ethDst, type, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp, arpTpa,
                other);
    }

    /** IPv4 to {@code dst}; sets eth_type as the prerequisite (OpenFlow 1.3.5 section 7.2.3.6). */
    public Match ipv4Dst(Inet4Address dst) {
        return new Match(inPort, ethSrc, ethDst, ETH_TYPE_IPV4, dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp,
                arpTpa, other);
    }

    public Match ipv6Dst(Inet6Address dst) {
        return new Match(inPort, ethSrc, ethDst, ETH_TYPE_IPV6, ipv4Dst, dst, ipProto, icmpv6Type, ndTarget, arpOp,
                arpTpa, other);
    }

    public Match ipProto(int proto) {
        return new Match(inPort, ethSrc, ethDst, ethType, ipv4Dst, ipv6Dst, proto, icmpv6Type, ndTarget, arpOp, arpTpa,
                other);
    }

    /** ICMPv6 of {@code type}; sets eth_type IPv6 and ip_proto 58 as prerequisites. */
    public Match icmpv6Type(int type) {
        return new Match(inPort, ethSrc, ethDst, ETH_TYPE_IPV6, ipv4Dst, ipv6Dst, IP_PROTO_ICMPV6, type, ndTarget,
                arpOp, arpTpa, other);
    }

    public Match ndTarget(Inet6Address target) {
        return new Match(inPort, ethSrc, ethDst, ethType, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, target, arpOp, arpTpa,
                other);
    }

    /** ARP with opcode {@code op}; sets eth_type ARP. */
    public Match arpOp(int op) {
        return new Match(inPort, ethSrc, ethDst, ETH_TYPE_ARP, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, op,
                arpTpa, other);
    }

    public Match arpTpa(Inet4Address tpa) {
        return new Match(inPort, ethSrc, ethDst, ETH_TYPE_ARP, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp,
                tpa, other);
    }

    void encode(WireWriter w) {
        WireWriter oxm = new WireWriter();
        if (inPort != null) {
            header(oxm, IN_PORT, 4).u32(inPort);
        }
        if (ethSrc != null) {
            header(oxm, ETH_SRC, 6).bytes(ethSrc.toBytes());
        }
        if (ethDst != null) {
            header(oxm, ETH_DST, 6).bytes(ethDst.toBytes());
        }
        if (ethType != null) {
            header(oxm, ETH_TYPE, 2).u16(ethType);
        }
        if (ipv4Dst != null) {
            header(oxm, IPV4_DST, 4).bytes(ipv4Dst.getAddress());
        }
        if (ipv6Dst != null) {
            header(oxm, IPV6_DST, 16).bytes(ipv6Dst.getAddress());
        }
        if (ipProto != null) {
            header(oxm, IP_PROTO, 1).u8(ipProto);
        }
        if (icmpv6Type != null) {
            header(oxm, ICMPV6_TYPE, 1).u8(icmpv6Type);
        }
        if (ndTarget != null) {
            header(oxm, IPV6_ND_TARGET, 16).bytes(ndTarget.getAddress());
        }
        if (arpOp != null) {
            header(oxm, ARP_OP, 2).u16(arpOp);
        }
        if (arpTpa != null) {
            header(oxm, ARP_TPA, 4).bytes(arpTpa.getAddress());
        }
        byte[] fields = oxm.toByteArray();
        // ofp_match: type OFPMT_OXM (1), length without the trailing padding, then pad to 8 (section 7.2.2).
        int start = w.size();
        w.u16(1).u16(4 + fields.length).bytes(fields);
        w.zeros((8 - (w.size() - start) % 8) % 8);
    }

    private static WireWriter header(WireWriter w, int field, int length) {
        return w.u16(OXM_CLASS_BASIC).u8(field << 1).u8(length);
    }

    static Match decode(WireReader r) {
        int type = r.u16("ofp_match.type");
        int length = r.u16("ofp_match.length");
        if (type != 1) {
            throw new OpenFlowException("ofp_match type " + type + " is not OXM (1)");
        }
        if (length < 4) {
            throw new OpenFlowException("ofp_match length " + length + " is shorter than its header");
        }
        WireReader f = r.slice(length - 4, "ofp_match fields");
        r.skip((8 - length % 8) % 8, "ofp_match padding");
        Match m = any();
        List<String> rest = new ArrayList<>();
        while (f.remaining() > 0) {
            int cls = f.u16("oxm_class");
            int fieldAndMask = f.u8("oxm_field");
            int len = f.u8("oxm_length");
            byte[] v = f.bytes(len, "oxm value");
            int field = fieldAndMask >>> 1;
            boolean masked = (fieldAndMask & 1) != 0;
            if (cls != OXM_CLASS_BASIC || masked || !known(field, len)) {
                rest.add(String.format("oxm(%04x:%d%s)=%s", cls, field, masked ? "/masked" : "",
                        HexFormat.of().formatHex(v)));
                continue;
            }
            m = switch (field) {
                case IN_PORT -> m.inPort(new WireReader(v).u32("in_port"));
                case ETH_SRC -> m.ethSrc(MacAddress.of(v));
                case ETH_DST -> m.ethDst(MacAddress.of(v));
                case ETH_TYPE -> m.ethType(new WireReader(v).u16("eth_type"));
                case IPV4_DST -> m.ipv4Dst((Inet4Address) IpAddresses.of(v)).ethType(m.ethType == null ? ETH_TYPE_IPV4 : m.ethType);
                case IPV6_DST -> m.ipv6Dst((Inet6Address) IpAddresses.of(v)).ethType(m.ethType == null ? ETH_TYPE_IPV6 : m.ethType);
                case IP_PROTO -> m.ipProto(v[0] & 0xff);
                case ICMPV6_TYPE -> m.withIcmpv6Type(v[0] & 0xff);
                case IPV6_ND_TARGET -> m.ndTarget((Inet6Address) IpAddresses.of(v));
                case ARP_OP -> m.withArpOp(new WireReader(v).u16("arp_op"));
                case ARP_TPA -> m.withArpTpa((Inet4Address) IpAddresses.of(v));
                default -> throw new IllegalStateException("unreachable: field " + field);
            };
        }
        return new Match(m.inPort, m.ethSrc, m.ethDst, m.ethType, m.ipv4Dst, m.ipv6Dst, m.ipProto, m.icmpv6Type,
                m.ndTarget, m.arpOp, m.arpTpa, rest);
    }

    // Decoding keeps exactly what was on the wire, without the prerequisites the builders add.
    private Match withIcmpv6Type(int type) {
        return new Match(inPort, ethSrc, ethDst, ethType, ipv4Dst, ipv6Dst, ipProto, type, ndTarget, arpOp, arpTpa,
                other);
    }

    private Match withArpOp(int op) {
        return new Match(inPort, ethSrc, ethDst, ethType, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, op, arpTpa,
                other);
    }

    private Match withArpTpa(Inet4Address tpa) {
        return new Match(inPort, ethSrc, ethDst, ethType, ipv4Dst, ipv6Dst, ipProto, icmpv6Type, ndTarget, arpOp, tpa,
                other);
    }

    private static boolean known(int field, int len) {
        return switch (field) {
            case IN_PORT, IPV4_DST, ARP_TPA -> len == 4;
            case ETH_SRC, ETH_DST -> len == 6;
            case ETH_TYPE, ARP_OP -> len == 2;
            case IP_PROTO, ICMPV6_TYPE -> len == 1;
            case IPV6_DST, IPV6_ND_TARGET -> len == 16;
            default -> false;
        };
    }

    /** ovs-ofctl style text, e.g. {@code in_port=1,arp,arp_op=1,arp_tpa=10.0.0.2}; empty for match-all. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (inPort != null) {
            parts.add("in_port=" + Ports.name(inPort));
        }
        if (ethSrc != null) {
            parts.add("dl_src=" + ethSrc);
        }
        if (ethDst != null) {
            parts.add("dl_dst=" + ethDst);
        }
        if (ethType != null) {
            parts.add(switch (ethType) {
                case ETH_TYPE_ARP -> "arp";
                case ETH_TYPE_IPV4 -> "ip";
                case ETH_TYPE_IPV6 -> "ipv6";
                default -> String.format("dl_type=0x%04x", ethType);
            });
        }
        if (ipv4Dst != null) {
            parts.add("nw_dst=" + IpAddresses.format(ipv4Dst));
        }
        if (ipv6Dst != null) {
            parts.add("ipv6_dst=" + IpAddresses.format(ipv6Dst));
        }
        if (ipProto != null) {
            parts.add("nw_proto=" + ipProto);
        }
        if (icmpv6Type != null) {
            parts.add("icmp_type=" + icmpv6Type);
        }
        if (ndTarget != null) {
            parts.add("nd_target=" + IpAddresses.format(ndTarget));
        }
        if (arpOp != null) {
            parts.add("arp_op=" + arpOp);
        }
        if (arpTpa != null) {
            parts.add("arp_tpa=" + IpAddresses.format(arpTpa));
        }
        parts.addAll(other);
        return String.join(",", parts);
    }
}
