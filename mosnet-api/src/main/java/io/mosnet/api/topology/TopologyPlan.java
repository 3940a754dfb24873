package io.mosnet.api.topology;

import java.util.List;

/**
 * The arrangement to build.
 *
 * @param uplinks one entry per bridge to build, in order of preference for the default route
 */
public record TopologyPlan(List<Uplink> uplinks) {

    public TopologyPlan {
        uplinks = List.copyOf(uplinks);
    }

    /**
     * @param bridgeName  the bridge for this uplink
     * @param candidates  NICs to probe for it (the first that reaches the gateway or gets an offer wins)
     * @param vlanId      the VLAN the host's address lives on, 0 for untagged
     * @param defaultRoute whether this uplink carries the default route and DNS
     */
    public record Uplink(String bridgeName, List<String> candidates, int vlanId, boolean defaultRoute) {
        public Uplink {
            candidates = List.copyOf(candidates);
        }
    }
}
