package io.mosnet.runtime.daemon;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.runtime.config.ConfigException;
import io.mosnet.runtime.probe.CandidateNics;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The NICs an uplink of the topology plan may take, and the choice where no probe can make it. */
final class UplinkNics {

    private UplinkNics() {
    }

    /**
     * The uplink's candidates that are present, brought up, and not taken by an earlier uplink; the bridges of
     * every uplink are passed so that a restart finds each bridge's own uplink port again.
     */
    static List<Link> candidates(HostNetwork net, TopologyPlan.Uplink uplink, Collection<String> bridges,
                                 Set<String> taken) {
        return CandidateNics.bringUp(net, bridges).stream()
                .filter(l -> uplink.candidates().contains(l.name()) && !taken.contains(l.name())).toList();
    }

    /**
     * On a VLAN the gateway and the DHCP server sit behind the tag, which the untagged probes (ARP, NS, DHCP
     * DISCOVER on the raw NIC) cannot reach: the NIC must be the only candidate, or be pinned (mosnics, or the
     * device field of mosip4/mosip6).
     */
    static Link withoutProbe(TopologyPlan.Uplink uplink, List<Link> candidates) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new ConfigException(List.of("mosvlan: '" + uplink.vlanId() + "' cannot be probed for on "
                + (candidates.isEmpty() ? "no NIC" : candidates.size() + " NICs ("
                + String.join(", ", candidates.stream().map(Link::name).toList()) + ")")
                + "; the VLAN's gateway is behind the tag: pin the NIC with mosnics=<nic> or the device field of "
                + "mosip4/mosip6"));
    }
}
