package io.mosnet.runtime.probe;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which links may be the host's uplink: Ethernet-like links with a MAC, i.e. physical NICs, bonds, VLANs and veth
 * (the lab's NICs are veth). Left out: loopback, bridges and switches, tun/tap and tunnels, links without a MAC,
 * the mosnet bridge itself, and ports of any bridge, except the one port of the mosnet bridge whose MAC the bridge
 * carries: that is the uplink chosen by an earlier run, which must be found again after a daemon restart.
 */
public final class CandidateNics {

    /** IFLA_INFO_KIND values that are never an uplink. */
    static final Set<String> EXCLUDED_KINDS = Set.of("bridge", "openvswitch", "tun", "tap", "dummy", "ifb", "vrf",
            "vxlan", "geneve", "gre", "gretap", "ip6gre", "ip6gretap", "ipip", "sit", "ip6tnl", "vti", "vti6",
            "wireguard", "nlmon", "ipvlan", "macvtap", "netdevsim");

    private CandidateNics() {
    }

    /** The candidates among {@code links}, in ifindex order. */
    public static List<Link> select(List<Link> links, String bridgeName) {
        return select(links, List.of(bridgeName));
    }

    /** As {@link #select(List, String)} with several mosnet bridges (one per uplink of the topology). */
    public static List<Link> select(List<Link> links, java.util.Collection<String> bridgeNames) {
        List<Optional<Link>> bridges = bridgeNames.stream()
                .map(n -> links.stream().filter(l -> l.name().equals(n)).findFirst()).toList();
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            if (l.isLoopback() || bridgeNames.contains(l.name()) || EXCLUDED_KINDS.contains(l.kind())
                    || l.mac().equals(MacAddress.ZERO) || l.mac().isMulticast()) {
                continue;
            }
            if (l.hasMaster() && bridges.stream().noneMatch(b -> isOurUplink(l, b))) {
                continue;
            }
            out.add(l);
        }
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return List.copyOf(out);
    }

    private static boolean isOurUplink(Link port, Optional<Link> bridge) {
        return bridge.isPresent() && port.masterIndex() == bridge.get().index()
                && port.mac().equals(bridge.get().mac());
    }

    /**
     * The candidates of the host, each brought up first: a boot daemon finds its NICs down, and a down NIC neither
     * sends nor receives. Returns the links as they are after the change.
     */
    public static List<Link> bringUp(HostNetwork network, String bridgeName) {
        return bringUp(network, List.of(bridgeName));
    }

    /** As {@link #bringUp(HostNetwork, String)} with several mosnet bridges. */
    public static List<Link> bringUp(HostNetwork network, java.util.Collection<String> bridgeNames) {
        List<Link> out = new ArrayList<>();
        for (Link l : select(network.links(), bridgeNames)) {
            if (!l.up()) {
                network.setUp(l.name(), true);
                l = network.link(l.index()).orElse(l);
            }
            out.add(l);
        }
        return List.copyOf(out);
    }
}
