package io.mosnet.linuxbridge;

import io.mosnet.api.net.BridgeVlan;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.plugin.MosnetException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code vlan} topology on a Linux bridge: VLAN filtering on, the uplink a trunk that carries the host's VLAN
 * tagged (its other VLANs, the untagged native one included, stay for VMs), and the bridge's own port (self, where
 * the host's addresses live) an access port of that VLAN: PVID and egress untagged, no other VLAN. The host's
 * addresses therefore stay on {@code mos} itself, as in every other topology and as on Open vSwitch, and no 802.1Q
 * upper device is needed. Equivalent to:
 * <pre>
 * ip link set mos type bridge vlan_filtering 1
 * bridge vlan add dev eth0 vid 4000
 * bridge vlan add dev mos vid 4000 pvid untagged self
 * bridge vlan del dev mos vid 1 self
 * </pre>
 * Every step looks first, so a second run changes nothing.
 */
final class BridgeVlans {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeVlans.class);
    private static final int EOPNOTSUPP = 95;

    private final HostNetwork net;
    private final Link bridge;
    private final Link uplink;

    BridgeVlans(HostNetwork net, Link bridge, Link uplink) {
        this.net = net;
        this.bridge = bridge;
        this.uplink = uplink;
    }

    /** Returns whether anything was changed. */
    boolean converge(int vid) {
        boolean changed = false;
        String name = bridge.name();
        if (!net.bridgeVlanFiltering(name)) {
            try {
                net.setBridgeVlanFiltering(name, true);
            } catch (NetworkException e) {
                if (e.errno() == EOPNOTSUPP) {
                    throw new MosnetException("bridge " + name + ": this kernel has no bridge VLAN filtering "
                            + "(CONFIG_BRIDGE_VLAN_FILTERING); the vlan topology needs it, or mosbridge=ovs", e);
                }
                throw e;
            }
            LOG.info("VLAN filtering on for bridge {}", name);
            changed = true;
        }
        List<BridgeVlan> present = net.bridgeVlans();
        if (!has(present, uplink.index(), vid, false, false)) {
            net.addBridgeVlan(uplink.name(), vid, false, false);
            LOG.info("uplink {} carries VLAN {} tagged", uplink.name(), vid);
            changed = true;
        }
        if (!has(present, bridge.index(), vid, true, true)) {
            net.addBridgeVlan(name, vid, true, true);
            LOG.info("bridge {} (the host) is an access port of VLAN {}", name, vid);
            changed = true;
        }
        for (BridgeVlan other : present) {
            if (other.linkIndex() == bridge.index() && other.vid() != vid) {
                // The host lives on one VLAN; any other on self (the default VLAN 1) would reach it untagged.
                net.deleteBridgeVlan(name, other.vid());
                LOG.info("VLAN {} removed from bridge {} itself", other.vid(), name);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean has(List<BridgeVlan> present, int index, int vid, boolean pvid, boolean untagged) {
        return present.contains(new BridgeVlan(index, vid, pvid, untagged));
    }
}
