package io.mosnet.ovs;

import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import io.mosnet.ovs.ovsdb.OvsdbState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code mosnet vlan} on Open vSwitch, from the Port rows: an access port ({@code tag}) is a member of its VLAN,
 * PVID and untagged; a trunk lists its {@code trunks}, or, carrying every VLAN when that column is empty, the VLANs
 * the bridge's access ports use (what the trunk carries for them), tagged. OVS always switches by VLAN, so
 * filtering is reported on as soon as a port has a tag or a trunk list.
 */
final class OvsVlans {

    private OvsVlans() {
    }

    static VlanReport report(OvsdbState state, String bridge) {
        var b = state.bridge(bridge);
        if (b.isEmpty()) {
            return new VlanReport(false, List.of());
        }
        List<OvsdbState.Port> ports = b.get().ports();
        TreeSet<Integer> accessVlans = new TreeSet<>();
        ports.stream().filter(p -> p.tag() != null).forEach(p -> accessVlans.add(p.tag()));
        boolean filtering = ports.stream().anyMatch(p -> p.tag() != null || !p.trunks().isEmpty());
        List<VlanMembership> out = new ArrayList<>();
        for (OvsdbState.Port p : ports) {
            if (p.tag() != null) {
                out.add(new VlanMembership(p.name(), p.tag(), true, true));
            } else {
                for (int vid : p.trunks().isEmpty() ? accessVlans : p.trunks()) {
                    out.add(new VlanMembership(p.name(), vid, false, false));
                }
            }
        }
        return new VlanReport(filtering, out);
    }
}
