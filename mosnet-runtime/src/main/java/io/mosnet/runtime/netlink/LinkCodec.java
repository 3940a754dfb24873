package io.mosnet.runtime.netlink;

import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import java.nio.charset.StandardCharsets;

/** RTM_*LINK requests and the decoding of RTM_NEWLINK into {@link Link}. */
final class LinkCodec {

    private LinkCodec() {
    }

    static Link decode(NetlinkMessage m) {
        IfInfoMessage ifi = IfInfoMessage.decode(m.payload());
        Attributes a = Attributes.parse(m.payload(), IfInfoMessage.LENGTH);
        String name = a.string(Rtnl.IFLA_IFNAME);
        if (name == null) {
            throw new MalformedMessageException(Rtnl.typeName(m.type()) + " for ifindex " + ifi.index()
                    + " has no IFLA_IFNAME");
        }
        byte[] mac = a.bytes(Rtnl.IFLA_ADDRESS);
        // Tunnels and loopback carry 0- or 4-byte hardware addresses; only Ethernet-sized ones are MACs.
        MacAddress hw = mac != null && mac.length == 6 ? MacAddress.of(mac) : MacAddress.ZERO;
        String kind = a.nested(Rtnl.IFLA_LINKINFO).string(Rtnl.IFLA_INFO_KIND);
        return new Link(ifi.index(), name, kind, hw, a.int32(Rtnl.IFLA_MTU, 0), (ifi.flags() & Rtnl.IFF_UP) != 0,
                (ifi.flags() & Rtnl.IFF_LOWER_UP) != 0, a.int32(Rtnl.IFLA_MASTER, 0));
    }

    /** {@code ip link show}: a dump without statistics, which would only cost bytes. */
    static MessageWriter dump() {
        return new MessageWriter(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
                .header(IfInfoMessage.of(0).encode())
                .u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_SKIP_STATS);
    }

    static MessageWriter get(String name) {
        return new MessageWriter(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST)
                .header(IfInfoMessage.of(0).encode())
                .string(Rtnl.IFLA_IFNAME, name)
                .u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_SKIP_STATS);
    }

    static MessageWriter get(int index) {
        return new MessageWriter(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST)
                .header(IfInfoMessage.of(index).encode())
                .u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_SKIP_STATS);
    }

    /** {@code ip link add NAME type bridge}. */
    static MessageWriter createBridge(String name) {
        return new MessageWriter(Rtnl.RTM_NEWLINK,
                Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
                .header(IfInfoMessage.of(0).encode())
                .string(Rtnl.IFLA_IFNAME, name)
                .beginNest(Rtnl.IFLA_LINKINFO)
                .attr(Rtnl.IFLA_INFO_KIND, "bridge".getBytes(StandardCharsets.US_ASCII)) // iproute2 omits the NUL
                .endNest();
    }

    /** {@code ip link set NAME up|down}: only IFF_UP is in ifi_change, so no other flag is touched. */
    static MessageWriter setUp(int index, boolean up) {
        return change(new IfInfoMessage(Rtnl.AF_UNSPEC, 0, index, up ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP));
    }

    /** {@code ip link set NAME master M} (masterIndex 0: {@code nomaster}). */
    static MessageWriter setMaster(int index, int masterIndex) {
        return change(IfInfoMessage.of(index)).u32(Rtnl.IFLA_MASTER, masterIndex);
    }

    static MessageWriter setMac(int index, MacAddress mac) {
        return change(IfInfoMessage.of(index)).attr(Rtnl.IFLA_ADDRESS, mac.toBytes());
    }

    static MessageWriter setMtu(int index, int mtu) {
        return change(IfInfoMessage.of(index)).u32(Rtnl.IFLA_MTU, mtu);
    }

    static MessageWriter delete(int index) {
        return new MessageWriter(Rtnl.RTM_DELLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
                .header(IfInfoMessage.of(index).encode());
    }

    private static MessageWriter change(IfInfoMessage ifi) {
        // iproute2 sends RTM_NEWLINK without NLM_F_CREATE for "set"; the kernel treats it as a change.
        return new MessageWriter(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK).header(ifi.encode());
    }
}
