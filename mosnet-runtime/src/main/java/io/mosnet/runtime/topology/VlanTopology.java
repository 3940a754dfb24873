package io.mosnet.runtime.topology;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.VlanSpec;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.topology.Topology;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.api.topology.TopologyRequest;
import java.util.List;

/**
 * The uplink is an 802.1Q trunk; the host's address lives on one tagged VLAN ({@code mosvlan}), the host
 * interface being an access port of it, and every other VLAN (and the untagged traffic) is left to VMs. Hetzner's
 * vSwitch (VLAN 4000-4091, MTU 1400) is the reference case.
 */
public final class VlanTopology implements Topology {

    @Override
    public String id() {
        return "vlan";
    }

    @Override
    public String description() {
        return "one trunk uplink, the host on a tagged VLAN (mosvlan)";
    }

    @Override
    public TopologyPlan plan(TopologyRequest request, PluginContext context) {
        MosnetConfig config = context.config();
        VlanSpec vlan = config.vlan();
        if (vlan == null) {
            throw new MosnetException("topology vlan needs mosvlan=<id>[,<mtu>]");
        }
        return new TopologyPlan(List.of(new TopologyPlan.Uplink(config.bridgeName(), Candidates.names(request, config),
                vlan.id(), vlan.mtu(), true, config.ipv4(), config.ipv6())));
    }
}
