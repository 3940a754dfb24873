package io.mosnet.runtime.topology;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.SecondaryUplink;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.topology.Topology;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.api.topology.TopologyRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Two uplinks, each in a bridge of its own and addressed on its own: the primary (mosip4/mosip6 or DHCP) in
 * {@code mos} carries the default route and DNS; the second ({@code mosnic2}, {@code mosip4_2}/{@code mosip6_2} or
 * DHCP) in {@code mos1} gets only the routes to its own subnets. A pinned second NIC is no candidate for the
 * primary; otherwise the second uplink is probed among the NICs the primary did not take.
 */
public final class DualNicTopology implements Topology {

    @Override
    public String id() {
        return "dual-nic";
    }

    @Override
    public String description() {
        return "two uplinks in two bridges; the first carries the default route and DNS";
    }

    @Override
    public TopologyPlan plan(TopologyRequest request, PluginContext context) {
        MosnetConfig config = context.config();
        SecondaryUplink second = config.uplink2();
        if (second == null) {
            throw new MosnetException("topology dual-nic needs a second uplink (mosnic2, mosip4_2 or mosip6_2)");
        }
        List<String> all = Candidates.names(request, config);
        List<String> primary = new ArrayList<>(all);
        if (second.nic() != null) {
            primary.remove(second.nic());
        }
        List<String> secondary = second.nic() != null ? List.of(second.nic()) : all;
        return new TopologyPlan(List.of(
                new TopologyPlan.Uplink(config.bridgeName(), primary, 0, 0, true, config.ipv4(), config.ipv6()),
                new TopologyPlan.Uplink(SecondaryUplink.BRIDGE_NAME, secondary, 0, 0, false, second.ipv4(),
                        second.ipv6())));
    }
}
