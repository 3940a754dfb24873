package io.mosnet.runtime.netlink;

import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Neighbour;
import java.net.InetAddress;

/** RTM_GETNEIGH dumps and the decoding of RTM_NEWNEIGH into {@link Neighbour}. */
final class NeighbourCodec {

    private NeighbourCodec() {
    }

    /** Whether the entry is an ARP/NDP entry; the same dump also carries bridge FDB entries (AF_BRIDGE). */
    static boolean isIpNeighbour(NetlinkMessage m) {
        int family = NeighbourMessage.decode(m.payload()).family();
        return family == Rtnl.AF_INET || family == Rtnl.AF_INET6;
    }

    static Neighbour decode(NetlinkMessage m) {
        NeighbourMessage nd = NeighbourMessage.decode(m.payload());
        Attributes a = Attributes.parse(m.payload(), NeighbourMessage.LENGTH);
        InetAddress dst = a.address(Rtnl.NDA_DST);
        if (dst == null) {
            throw new MalformedMessageException(Rtnl.typeName(m.type()) + " on ifindex " + nd.index()
                    + " has no NDA_DST");
        }
        byte[] ll = a.bytes(Rtnl.NDA_LLADDR);
        MacAddress mac = ll != null && ll.length == 6 ? MacAddress.of(ll) : MacAddress.ZERO;
        return new Neighbour(nd.index(), dst, mac, state(nd.state()), (nd.flags() & Rtnl.NTF_ROUTER) != 0);
    }

    static MessageWriter dump() {
        return new MessageWriter(Rtnl.RTM_GETNEIGH, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
                .header(new NeighbourMessage(Rtnl.AF_UNSPEC, 0, 0, 0, 0).encode());
    }

    /** NUD_* (neighbour.h) in the words {@code ip neigh} prints. */
    static String state(int nud) {
        return switch (nud) {
            case 0x00 -> "none";
            case 0x01 -> "incomplete";
            case 0x02 -> "reachable";
            case 0x04 -> "stale";
            case 0x08 -> "delay";
            case 0x10 -> "probe";
            case 0x20 -> "failed";
            case 0x40 -> "noarp";
            case 0x80 -> "permanent";
            default -> "0x" + Integer.toHexString(nud);
        };
    }
}
