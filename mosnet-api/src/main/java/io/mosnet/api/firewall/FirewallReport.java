package io.mosnet.api.firewall;

import java.util.List;

/** mosnet's nftables tables as the kernel has them, for {@code mosnet firewall} and {@code mosnet health}. */
public record FirewallReport(List<Table> tables) {

    public FirewallReport {
        tables = List.copyOf(tables);
    }

    /** Every named counter of every table, e.g. the egress MAC guard's drops, for {@code mosnet health}. */
    public List<Counter> counters() {
        return tables.stream().flatMap(t -> t.counters().stream()).toList();
    }

    /**
     * @param family   nftables family: inet, ip, ip6, netdev, bridge
     * @param counters the table's named counter objects (not the anonymous counters inside rules)
     */
    public record Table(String family, String name, List<Chain> chains, List<Counter> counters) {
        public Table {
            chains = List.copyOf(chains);
            counters = List.copyOf(counters);
        }

        public Table(String family, String name, List<Chain> chains) {
            this(family, name, chains, List.of());
        }
    }

    /**
     * @param hook   netfilter hook (input, forward, prerouting, postrouting), or null for a regular chain
     * @param policy accept or drop for base chains, else null
     */
    public record Chain(String name, String type, String hook, Integer priority, String policy, List<Rule> rules) {
        public Chain {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param text    the rule as nft would print it
     * @param packets counter packets, 0 when the rule has no counter
     * @param bytes   counter bytes
     */
    public record Rule(long handle, String text, long packets, long bytes) {
    }

    /**
     * A named counter object.
     *
     * @param table the table it belongs to, as {@code family name} ({@code netdev mosnet-egress})
     * @param name  its name ({@code foreign_source_mac})
     */
    public record Counter(String table, String name, long packets, long bytes) {
    }
}
