package io.mosnet.runtime.netlink;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.Route;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** RTM_*ROUTE requests and the decoding of RTM_NEWROUTE into {@link Route}. */
final class RouteCodec {

    private static final int RTPROT_UNSPEC = 0;
    private static final int RTPROT_REDIRECT = 1;
    private static final int RTPROT_KERNEL = 2;
    private static final int RTPROT_BOOT = 3;
    private static final int RTPROT_STATIC = 4;
    private static final int RTPROT_RA = 9;
    private static final int RTPROT_DHCP = 16;

    private RouteCodec() {
    }

    /**
     * Whether the message is an ordinary unicast route. Local, broadcast, multicast, anycast, blackhole and
     * unreachable entries have no faithful {@link Route} form, so listings leave them out.
     */
    static boolean isUnicast(NetlinkMessage m) {
        return RouteMessage.decode(m.payload()).type() == Rtnl.RTN_UNICAST;
    }

    static Route decode(NetlinkMessage m) {
        RouteMessage rt = RouteMessage.decode(m.payload());
        Attributes a = Attributes.parse(m.payload(), RouteMessage.LENGTH);
        InetAddress dst = a.address(Rtnl.RTA_DST);
        if (dst == null) {
            dst = IpAddresses.of(new byte[rt.family() == Rtnl.AF_INET6 ? 16 : 4]);
        }
        if (rt.destinationLength() > (dst instanceof Inet4Address ? 32 : 128)) {
            throw new MalformedMessageException("rtm_dst_len " + rt.destinationLength() + " is too long for "
                    + IpAddresses.format(dst));
        }
        InetAddress gateway = a.address(Rtnl.RTA_GATEWAY);
        byte[] via = a.bytes(Rtnl.RTA_VIA);
        if (gateway == null && via != null && (via.length == 6 || via.length == 18)) {
            // struct rtvia: a family (u16) then the address, for IPv4 routes via an IPv6 next hop (RFC 5549).
            gateway = IpAddresses.of(Arrays.copyOfRange(via, 2, via.length));
        }
        return new Route(new IpNetwork(dst, rt.destinationLength()), gateway, a.int32(Rtnl.RTA_OIF, 0),
                a.int32(Rtnl.RTA_PRIORITY, 0), Scopes.routeScope(rt.scope()), protocol(rt.protocol()),
                (rt.flags() & Rtnl.RTNH_F_ONLINK) != 0, a.int32(Rtnl.RTA_TABLE, rt.table()));
    }

    static MessageWriter dump() {
        return new MessageWriter(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
                .header(new RouteMessage(Rtnl.AF_UNSPEC, 0, 0, 0, 0, 0, 0, 0, 0).encode());
    }

    /** {@code ip route get DESTINATION}: the kernel answers with the route it would use, RTA_PREFSRC included. */
    static MessageWriter get(InetAddress destination) {
        boolean v6 = destination instanceof Inet6Address;
        return new MessageWriter(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_REQUEST)
                .header(new RouteMessage(v6 ? Rtnl.AF_INET6 : Rtnl.AF_INET, v6 ? 128 : 32, 0, 0, 0, 0, 0, 0, 0)
                        .encode())
                .address(Rtnl.RTA_DST, destination);
    }

    static MessageWriter add(Route route) {
        return build(Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, route);
    }

    static MessageWriter replace(Route route) {
        return build(Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE, route);
    }

    static MessageWriter delete(Route route) {
        return build(Rtnl.RTM_DELROUTE, 0, route);
    }

    private static MessageWriter build(int type, int extraFlags, Route r) {
        boolean delete = type == Rtnl.RTM_DELROUTE;
        boolean v6 = r.destination().isIpv6();
        int table = r.table() == 0 ? Route.MAIN_TABLE : r.table();
        // As iproute2: a delete leaves type, protocol and scope unspecified (NOWHERE means "any") so that the
        // kernel matches the route by destination, table, gateway, device and metric only.
        RouteMessage rt = new RouteMessage(v6 ? Rtnl.AF_INET6 : Rtnl.AF_INET, r.destination().prefixLength(), 0, 0,
                table < 256 ? table : Rtnl.RT_TABLE_UNSPEC,
                delete ? RTPROT_UNSPEC : protocolValue(r.protocol()),
                delete ? Rtnl.RT_SCOPE_NOWHERE : Scopes.value(r.scope()),
                delete ? Rtnl.RTN_UNSPEC : Rtnl.RTN_UNICAST,
                r.onlink() ? Rtnl.RTNH_F_ONLINK : 0);
        MessageWriter w = new MessageWriter(type, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | extraFlags)
                .header(rt.encode());
        if (r.destination().prefixLength() > 0) {
            w.address(Rtnl.RTA_DST, r.destination().masked().address());
        }
        if (r.gateway() != null) {
            if ((r.gateway() instanceof Inet6Address) == v6) {
                w.address(Rtnl.RTA_GATEWAY, r.gateway());
            } else {
                byte[] addr = r.gateway().getAddress();
                w.attr(Rtnl.RTA_VIA, ByteBuffer.allocate(2 + addr.length).order(ByteOrder.nativeOrder())
                        .putShort((short) (addr.length == 16 ? Rtnl.AF_INET6 : Rtnl.AF_INET)).put(addr).array());
            }
        }
        if (r.metric() != 0) {
            w.u32(Rtnl.RTA_PRIORITY, r.metric() & 0xffff_ffffL);
        }
        if (table >= 256) {
            w.u32(Rtnl.RTA_TABLE, table); // rtm_table has 8 bits
        }
        if (r.linkIndex() != 0) {
            w.u32(Rtnl.RTA_OIF, r.linkIndex());
        }
        return w;
    }

    static Route.Protocol protocol(int value) {
        return switch (value) {
            case RTPROT_UNSPEC -> Route.Protocol.UNSPEC;
            case RTPROT_REDIRECT -> Route.Protocol.REDIRECT;
            case RTPROT_KERNEL -> Route.Protocol.KERNEL;
            case RTPROT_BOOT -> Route.Protocol.BOOT;
            case RTPROT_STATIC -> Route.Protocol.STATIC;
            case RTPROT_RA -> Route.Protocol.RA;
            case RTPROT_DHCP -> Route.Protocol.DHCP;
            default -> Route.Protocol.OTHER;
        };
    }

    static int protocolValue(Route.Protocol p) {
        return switch (p) {
            case UNSPEC -> RTPROT_UNSPEC;
            case REDIRECT -> RTPROT_REDIRECT;
            case KERNEL -> RTPROT_KERNEL;
            case BOOT -> RTPROT_BOOT;
            case STATIC -> RTPROT_STATIC;
            case RA -> RTPROT_RA;
            case DHCP -> RTPROT_DHCP;
            case OTHER -> throw new NetworkException("route protocol OTHER names no kernel value and cannot be "
                    + "requested; use STATIC, BOOT, DHCP or RA", 22);
        };
    }

    /** {@code default via 10.0.0.1 dev #3 onlink metric 100 table 254} for error messages. */
    static String describe(Route r) {
        StringBuilder s = new StringBuilder(r.isDefault() ? "default" : r.destination().toString());
        if (r.gateway() != null) {
            s.append(" via ").append(IpAddresses.format(r.gateway()));
        }
        if (r.linkIndex() != 0) {
            s.append(" dev #").append(r.linkIndex());
        }
        if (r.onlink()) {
            s.append(" onlink");
        }
        if (r.metric() != 0) {
            s.append(" metric ").append(r.metric() & 0xffff_ffffL);
        }
        if (r.table() != Route.MAIN_TABLE && r.table() != 0) {
            s.append(" table ").append(r.table());
        }
        return s.toString();
    }
}
