package io.mosnet.api.topology;

import io.mosnet.api.config.Mode;
import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import java.util.List;

/**
 * The arrangement to build.
 *
 * @param uplinks one entry per bridge to build, the primary (default route and DNS) first
 */
public record TopologyPlan(List<Uplink> uplinks) {

    public TopologyPlan {
        uplinks = List.copyOf(uplinks);
        if (uplinks.isEmpty()) {
            throw new IllegalArgumentException("a topology plan needs at least one uplink");
        }
        if (uplinks.stream().map(Uplink::bridgeName).distinct().count() != uplinks.size()) {
            throw new IllegalArgumentException("two uplinks share a bridge: " + uplinks);
        }
    }

    /** The uplink that carries the default route and DNS. */
    public Uplink primary() {
        return uplinks.get(0);
    }

    /**
     * @param bridgeName   the bridge for this uplink
     * @param candidates   NICs to probe for it, less those an earlier uplink took (the first that reaches the
     *                     gateway or gets an offer wins); one name pins it
     * @param vlanId       the VLAN the host's address lives on, 0 for untagged
     * @param mtu          MTU of the host interface, 0 to leave it
     * @param defaultRoute whether this uplink carries the default route and DNS; otherwise it gets only the routes
     *                     to its own subnets
     * @param ipv4         static IPv4 of this uplink, or null
     * @param ipv6         static IPv6 of this uplink, or null (both null: DHCP)
     */
    public record Uplink(String bridgeName, List<String> candidates, int vlanId, int mtu, boolean defaultRoute,
                         StaticIpv4 ipv4, StaticIpv6 ipv6) {
        public Uplink {
            candidates = List.copyOf(candidates);
        }

        /** Static when the uplink has an address of its own, DHCP otherwise. */
        public Mode mode() {
            return ipv4 != null || ipv6 != null ? Mode.STATIC : Mode.DHCP;
        }
    }
}
