package io.mosnet.runtime.netlink;

import io.mosnet.api.net.BridgeVlan;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridge VLAN filtering (IEEE 802.1Q in a Linux bridge) over rtnetlink, as iproute2 6.1 encodes it:
 * <ul>
 * <li>{@code ip link set BR type bridge vlan_filtering 1}: RTM_NEWLINK with IFLA_LINKINFO { IFLA_INFO_KIND "bridge",
 *     IFLA_INFO_DATA { IFLA_BR_VLAN_FILTERING u8 } };</li>
 * <li>{@code bridge vlan add|del dev DEV vid V [pvid] [untagged] [self]}: RTM_SETLINK or RTM_DELLINK of family
 *     AF_BRIDGE with IFLA_AF_SPEC { [IFLA_BRIDGE_FLAGS u16 BRIDGE_FLAGS_SELF], IFLA_BRIDGE_VLAN_INFO
 *     struct bridge_vlan_info { u16 flags; u16 vid } } (the kernel's rtnl_bridge_setlink/dellink);</li>
 * <li>{@code bridge vlan show}: an AF_BRIDGE RTM_GETLINK dump with IFLA_EXT_MASK RTEXT_FILTER_BRVLAN, answered
 *     with one IFLA_BRIDGE_VLAN_INFO per VLAN inside IFLA_AF_SPEC.</li>
 * </ul>
 */
final class BridgeVlanCodec {

    private BridgeVlanCodec() {
    }

    static MessageWriter setFiltering(int bridgeIndex, boolean on) {
        return new MessageWriter(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
                .header(IfInfoMessage.of(bridgeIndex).encode())
                .beginNest(Rtnl.IFLA_LINKINFO)
                .attr(Rtnl.IFLA_INFO_KIND, "bridge".getBytes(StandardCharsets.US_ASCII)) // iproute2 omits the NUL
                .beginNest(Rtnl.IFLA_INFO_DATA)
                .u8(Rtnl.IFLA_BR_VLAN_FILTERING, on ? 1 : 0)
                .endNest()
                .endNest();
    }

    /** {@code bridge vlan add}: {@code self} for the bridge device itself, nothing (its master) for a port. */
    static MessageWriter add(int index, int vid, boolean pvid, boolean untagged, boolean self) {
        int flags = (pvid ? Rtnl.BRIDGE_VLAN_INFO_PVID : 0) | (untagged ? Rtnl.BRIDGE_VLAN_INFO_UNTAGGED : 0);
        return vlan(Rtnl.RTM_SETLINK, index, vid, flags, self);
    }

    /** {@code bridge vlan del}; the kernel matches on the vid alone, so no flags are sent (as iproute2). */
    static MessageWriter delete(int index, int vid, boolean self) {
        return vlan(Rtnl.RTM_DELLINK, index, vid, 0, self);
    }

    private static MessageWriter vlan(int type, int index, int vid, int flags, boolean self) {
        if (vid < 1 || vid > 4094) {
            throw new IllegalArgumentException("VLAN id " + vid + " is outside 1-4094");
        }
        MessageWriter w = new MessageWriter(type, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK)
                .header(new IfInfoMessage(Rtnl.AF_BRIDGE, 0, index, 0, 0).encode())
                .beginNest(Rtnl.IFLA_AF_SPEC);
        if (self) {
            w.u16(Rtnl.IFLA_BRIDGE_FLAGS, Rtnl.BRIDGE_FLAGS_SELF);
        }
        byte[] info = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) flags)
                .putShort((short) vid).array();
        return w.attr(Rtnl.IFLA_BRIDGE_VLAN_INFO, info).endNest();
    }

    /** {@code bridge vlan show}. */
    static MessageWriter dump() {
        return new MessageWriter(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
                .header(new IfInfoMessage(Rtnl.AF_BRIDGE, 0, 0, 0, 0).encode())
                .u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_BRVLAN);
    }

    /**
     * The VLANs of one AF_BRIDGE RTM_NEWLINK of the dump. A range (RANGE_BEGIN ... RANGE_END, which only
     * compressed dumps send) is expanded, each VLAN with the range's flags.
     */
    static List<BridgeVlan> decode(NetlinkMessage m) {
        IfInfoMessage ifi = IfInfoMessage.decode(m.payload());
        Attributes spec = Attributes.parse(m.payload(), IfInfoMessage.LENGTH).nested(Rtnl.IFLA_AF_SPEC);
        List<BridgeVlan> out = new ArrayList<>();
        int rangeStart = -1;
        for (Attributes.Attribute a : spec.all()) {
            if (a.type() != Rtnl.IFLA_BRIDGE_VLAN_INFO) {
                continue;
            }
            if (a.value().length < 4) {
                throw new MalformedMessageException("IFLA_BRIDGE_VLAN_INFO of ifindex " + ifi.index() + " has "
                        + a.value().length + " bytes, expected 4");
            }
            ByteBuffer b = ByteBuffer.wrap(a.value()).order(ByteOrder.nativeOrder());
            int flags = b.getShort() & 0xffff;
            int vid = b.getShort() & 0xffff;
            if (vid < 1 || vid > 4094) {
                throw new MalformedMessageException("IFLA_BRIDGE_VLAN_INFO of ifindex " + ifi.index()
                        + " has VLAN id " + vid);
            }
            boolean pvid = (flags & Rtnl.BRIDGE_VLAN_INFO_PVID) != 0;
            boolean untagged = (flags & Rtnl.BRIDGE_VLAN_INFO_UNTAGGED) != 0;
            if ((flags & Rtnl.BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                rangeStart = vid;
            } else if ((flags & Rtnl.BRIDGE_VLAN_INFO_RANGE_END) != 0) {
                if (rangeStart < 0 || rangeStart > vid) {
                    throw new MalformedMessageException("VLAN range of ifindex " + ifi.index() + " ends at " + vid
                            + " without a valid beginning");
                }
                for (int v = rangeStart; v <= vid; v++) {
                    out.add(new BridgeVlan(ifi.index(), v, pvid, untagged));
                }
                rangeStart = -1;
            } else {
                out.add(new BridgeVlan(ifi.index(), vid, pvid, untagged));
            }
        }
        return out;
    }

    /** IFLA_BR_VLAN_FILTERING of a bridge's RTM_NEWLINK (absent: off). */
    static boolean filtering(NetlinkMessage m) {
        Attributes data = Attributes.parse(m.payload(), IfInfoMessage.LENGTH).nested(Rtnl.IFLA_LINKINFO)
                .nested(Rtnl.IFLA_INFO_DATA);
        byte[] v = data.bytes(Rtnl.IFLA_BR_VLAN_FILTERING);
        return v != null && v.length >= 1 && v[0] != 0;
    }
}
