package io.mosnet.api.firewall;

import java.util.List;

/** mosnet's nftables tables as the kernel has them, for {@code mosnet firewall}. */
public record FirewallReport(List<Table> tables) {

    public FirewallReport {
        tables = List.copyOf(tables);
    }

    public record Table(String family, String name, List<Chain> chains) {
        public Table {
            chains = List.copyOf(chains);
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
}
