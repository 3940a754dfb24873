package io.mosnet.nftables;

import static io.mosnet.nftables.Expr.accept;
import static io.mosnet.nftables.Expr.anyOf;
import static io.mosnet.nftables.Expr.counter;
import static io.mosnet.nftables.Expr.ct;
import static io.mosnet.nftables.Expr.drop;
import static io.mosnet.nftables.Expr.equal;
import static io.mosnet.nftables.Expr.flags;
import static io.mosnet.nftables.Expr.meta;
import static io.mosnet.nftables.Expr.payload;
import static io.mosnet.nftables.Expr.prefix;
import static io.mosnet.nftables.Expr.set;
import static io.mosnet.nftables.Expr.value;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.PortRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Table {@code inet mosnet} from {@code mosfirewall=}: one table for IPv4 and IPv6.
 *
 * <p>The input chain, in order: loopback; established and related connections; invalid packets dropped (not in
 * permissive mode, which promises to accept everything); the ICMP and ICMPv6 types a host needs; DHCPv6 replies;
 * then one rule per open port. Every rule counts. The policy is drop, or accept with {@code permissive}.
 *
 * <p>mosnet's DHCPv4 client and router-solicitation listener read from AF_PACKET sockets, which see frames before the
 * input hook, so the host's own IPv4 leases do not depend on {@code dhcp} being open. Its DHCPv6 client reads from a
 * UDP socket: replies to port 546 at a link-local address are accepted (the {@code dhcpv6-client} rule).
 *
 * <p>The forward chain keeps policy accept on purpose: the host is a router and bridge for its VMs, whose
 * traffic (NAT'd or routed) must pass, and each VM firewalls itself. Its one rule accepts connections that a port
 * forward DNAT'd, so they stay open even if a stricter policy is chosen later, and counts them for
 * {@code mosnet firewall}.
 */
final class FilterTable {

    /** What a host needs of ICMP for IPv4: ping, and the errors that path MTU discovery and traceroute rely on. */
    static final List<String> ICMP_TYPES = List.of(
            "echo-request", "echo-reply", "destination-unreachable", "time-exceeded", "parameter-problem");

    /**
     * ICMPv6 that must not be dropped (RFC 4890 section 4.4.1): errors including packet-too-big (IPv6 routers do not
     * fragment), echo, neighbour discovery (RFC 4861: router solicitation/advertisement 133/134, neighbour
     * solicitation/advertisement 135/136, redirect 137), without which IPv6 stops working within minutes, and
     * multicast listener discovery, without which MLD-snooping switches stop delivering solicited-node multicast.
     * The kernel itself enforces hop limit 255 on ND messages (RFC 4861 section 6.1.1, 7.1.1).
     */
    static final List<String> ICMPV6_TYPES = List.of(
            "destination-unreachable", "packet-too-big", "time-exceeded", "parameter-problem",
            "echo-request", "echo-reply",
            "mld-listener-query", "mld-listener-report", "mld-listener-done", "mld2-listener-report",
            "nd-router-solicit", "nd-router-advert", "nd-neighbor-solicit", "nd-neighbor-advert", "nd-redirect");

    private FilterTable() {
    }

    static void write(Batch batch, FirewallSpec spec) {
        switch (spec.policy()) {
            case ABSENT -> {
            }
            case NONE -> batch.removeTable(TableRef.FILTER);
            case DROP, PERMISSIVE -> install(batch, spec);
        }
    }

    private static void install(Batch batch, FirewallSpec spec) {
        TableRef t = TableRef.FILTER;
        boolean permissive = spec.policy() == FirewallSpec.Policy.PERMISSIVE;
        batch.replaceTable(t);

        batch.addChain(t, BaseChain.of("input", "filter", "input", BaseChain.PRIORITY_FILTER,
                permissive ? "accept" : "drop"));
        batch.addRule(t, "input", null, List.of(equal(meta("iifname"), value("lo")), counter(), accept()));
        batch.addRule(t, "input", null,
                List.of(anyOf(ct("state"), flags("established", "related")), counter(), accept()));
        if (!permissive) {
            batch.addRule(t, "input", null, List.of(anyOf(ct("state"), flags("invalid")), counter(), drop()));
        }
        batch.addRule(t, "input", null,
                List.of(equal(payload("icmp", "type"), set(ICMP_TYPES)), counter(), accept()));
        batch.addRule(t, "input", null,
                List.of(equal(payload("icmpv6", "type"), set(ICMPV6_TYPES)), counter(), accept()));
        // DHCPv6 servers answer a client's multicast SOLICIT by unicast to its link-local address, which conntrack
        // cannot pair with the request; as firewalld's dhcpv6-client service, to link-local destinations only.
        batch.addRule(t, "input", "dhcpv6-client", List.of(equal(payload("ip6", "daddr"), prefix("fe80::", 64)),
                equal(payload("udp", "dport"), value(546)), counter(), accept()));
        for (PortRule port : distinct(spec.rules())) {
            batch.addRule(t, "input", port.service() == null ? port.toString() : port.service(),
                    List.of(equal(payload(port.protocol().label(), "dport"), value(port.port())), counter(), accept()));
        }

        batch.addChain(t, BaseChain.of("forward", "filter", "forward", BaseChain.PRIORITY_FILTER, "accept"));
        batch.addRule(t, "forward", "port forwards",
                List.of(anyOf(ct("status"), flags("dnat")), counter(), accept()));
    }

    /** The same port named twice ({@code ssh,22/tcp}) gets one rule, the first one's. */
    private static List<PortRule> distinct(List<PortRule> rules) {
        Set<String> seen = new LinkedHashSet<>();
        return rules.stream().filter(r -> seen.add(r.toString())).toList();
    }
}
