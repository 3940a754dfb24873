package io.mosnet.runtime.daemon;

import io.mosnet.api.address.AddressSource;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.SecondaryUplink;
import io.mosnet.api.firewall.Firewall;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Route;
import io.mosnet.api.plugin.PluginKind;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.topology.Topology;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What mosnetd is going to do, resolved before anything is changed: every plugin the configuration needs is looked
 * up here, so a missing one stops start-up with the system untouched. {@code mosnetd --check} prints it.
 */
public record Plan(MosnetConfig config, List<String> warnings, BridgeBackend backend, Topology topology,
                   Firewall firewall, AddressSource dhcp, PluginRegistry registry) {

    public static Plan of(ConfigLoader.Loaded loaded, PluginRegistry registry) {
        MosnetConfig c = loaded.config();
        BridgeBackend backend = registry.bridgeBackend(c.bridge());
        Topology topology = registry.require(PluginKind.TOPOLOGY, Topology.class, c.topology(), "mostopology");
        boolean needsFirewall = c.firewall().policy() != FirewallSpec.Policy.ABSENT
                || c.nat().masquerade() != NatSpec.Masquerade.ABSENT;
        Firewall fw = needsFirewall
                ? registry.all(PluginKind.FIREWALL, Firewall.class).stream().findFirst().orElseThrow(() ->
                        new io.mosnet.runtime.plugin.PluginException("mosfirewall/mosnat: no firewall plugin is "
                                + "installed (the distribution ships 'nftables' built in)"))
                : null;
        boolean dhcpUplink = c.mode() == Mode.DHCP || c.uplink2() != null && c.uplink2().mode() == Mode.DHCP;
        AddressSource dhcp = dhcpUplink
                ? registry.require(PluginKind.ADDRESS_SOURCE, AddressSource.class, "dhcpv4", "DHCP mode")
                : null;
        return new Plan(c, loaded.warnings(), backend, topology, fw, dhcp, registry);
    }

    /** Prints the plan, with the candidate NICs as the kernel lists them now (read only). */
    public void print(PrintWriter out) {
        String nics;
        try (var net = io.mosnet.runtime.netlink.NetlinkHostNetwork.open()) {
            nics = candidates(net.links());
        } catch (RuntimeException e) {
            nics = "unknown (cannot list links: " + e.getMessage() + ")";
        }
        print(out, nics);
    }

    /** The candidate NICs for this configuration, each with its state. */
    String candidates(List<io.mosnet.api.net.Link> links) {
        List<io.mosnet.api.net.Link> all = io.mosnet.runtime.probe.CandidateNics.select(links, config.bridgeName());
        List<String> shown = all.stream().filter(l -> config.nics().isEmpty() || config.nics().contains(l.name()))
                .map(l -> l.name() + " (" + (l.up() ? "up" : "down") + (l.carrier() ? ", carrier" : "") + ", "
                        + l.mac() + ")")
                .toList();
        return shown.isEmpty() ? "none found" : String.join(", ", shown);
    }

    void print(PrintWriter out, String nicCandidates) {
        MosnetConfig c = config;
        out.println("mosnetd plan (--check: nothing was changed)");
        row(out, "mode", c.mode().label());
        row(out, "bridge", c.bridgeName() + " (backend " + backend.id() + " " + backend.version() + ")");
        row(out, "topology", topology.id() + topologyDetails(c));
        row(out, "NICs", nicCandidates + (c.nics().isEmpty() ? "" : " (limited to " + String.join(", ", c.nics()) + ")"));
        if (c.mode() == Mode.STATIC) {
            if (c.ipv4() != null) {
                row(out, "ipv4", c.ipv4().network() + " gateway " + IpAddresses.format(c.ipv4().gateway())
                        + (c.ipv4().device() != null ? " on " + c.ipv4().device() + " (pinned)"
                        : " (NIC found by ARP probe to the gateway)"));
            }
            if (c.ipv6() != null) {
                row(out, "ipv6", c.ipv6().network() + " gateway " + IpAddresses.format(c.ipv6().gateway())
                        + (c.ipv6().device() != null ? " on " + c.ipv6().device() + " (pinned)"
                        : " (NIC found by neighbour solicitation to the gateway)"));
            }
            row(out, "routes", StaticRoutes.routes(c, 0).stream().map(r -> describe(r, c.bridgeName()))
                    .collect(Collectors.joining("; ")));
        } else {
            row(out, "dhcp", "DHCPv4 on every NIC, timeout " + c.dhcp().timeout().toSeconds() + " s, "
                    + (c.dhcp().preferPrivate() ? "private (RFC 1918) offers first" : "public offers first")
                    + (c.dhcp().dhcpv6() ? "; SLAAC + DHCPv6" : "; SLAAC only")
                    + (c.dhcp().prefixDelegation() ? ", prefix delegation" : ""));
        }
        row(out, "firewall", firewall(c.firewall()));
        row(out, "nat", nat(c.nat()));
        for (PluginInfo p : registry.infos()) {
            row(out, "plugin", p.kind() + " " + p.id() + " " + p.version() + " from " + p.source());
        }
        registry.refused().forEach(r -> row(out, "refused", r));
        warnings.forEach(w -> row(out, "warning", w));
        out.flush();
    }

    private static String topologyDetails(MosnetConfig c) {
        StringBuilder b = new StringBuilder();
        if (c.vlan() != null) {
            b.append(" (host on VLAN ").append(c.vlan().id()).append(" tagged on the uplink")
                    .append(c.vlan().mtu() != 0 ? ", MTU " + c.vlan().mtu() : "").append(')');
        }
        SecondaryUplink u = c.uplink2();
        if (u != null) {
            b.append(" (second uplink in ").append(SecondaryUplink.BRIDGE_NAME).append(" on ")
                    .append(u.nic() != null ? u.nic() : "a probed NIC").append(", ");
            if (u.mode() == Mode.STATIC) {
                List<String> a = new java.util.ArrayList<>();
                if (u.ipv4() != null) {
                    a.add(u.ipv4().network().toString());
                }
                if (u.ipv6() != null) {
                    a.add(u.ipv6().network().toString());
                }
                b.append(String.join(" ", a));
            } else {
                b.append("DHCP");
            }
            b.append("; subnet routes only, the default route and DNS stay with ").append(c.bridgeName()).append(')');
        }
        return b.toString();
    }

    private static String describe(Route r, String dev) {
        return (r.isDefault() ? "default" : r.destination().toString())
                + r.via().map(g -> " via " + IpAddresses.format(g)).orElse("") + " dev " + dev;
    }

    private static String firewall(FirewallSpec f) {
        return switch (f.policy()) {
            case ABSENT -> "not configured (left alone)";
            case NONE -> "none (mosnet's tables removed)";
            case PERMISSIVE -> "permissive (input accepted)";
            case DROP -> "input dropped except "
                    + (f.rules().isEmpty() ? "loopback, established, ICMP"
                    : f.rules().stream().map(r -> r + (r.service() != null ? " (" + r.service() + ")" : ""))
                    .collect(Collectors.joining(", ")));
        };
    }

    private static String nat(NatSpec n) {
        String head = switch (n.masquerade()) {
            case ABSENT -> "not configured (left alone)";
            case NONE -> "none (mosnet's table removed)";
            case DEFAULT_ROUTE -> "masquerade on the default route's interface";
            case INTERFACE -> "masquerade on " + n.iface();
        };
        return n.forwards().isEmpty() ? head : head + "; forward " + n.forwards().stream().map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("  %-9s %s%n", key + ":", value);
    }
}
