package io.mosnet.runtime.topology;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.topology.Topology;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.api.topology.TopologyRequest;
import java.util.List;

/** The default topology: one uplink, chosen among the candidate NICs, in one bridge. */
public final class SingleTopology implements Topology {

    @Override
    public String id() {
        return "single";
    }

    @Override
    public String description() {
        return "one uplink NIC in one bridge";
    }

    @Override
    public TopologyPlan plan(TopologyRequest request, PluginContext context) {
        MosnetConfig config = context.config();
        return new TopologyPlan(List.of(new TopologyPlan.Uplink(config.bridgeName(), Candidates.names(request, config),
                0, 0, true, config.ipv4(), config.ipv6())));
    }
}
