package io.mosnet.api.config;

import java.util.List;

/**
 * {@code mosfirewall=}: which input ports are open.
 *
 * @param policy what happens to input that no rule accepts
 * @param rules  the open ports, in the order given
 */
public record FirewallSpec(Policy policy, List<PortRule> rules) {

    public FirewallSpec {
        rules = List.copyOf(rules);
    }

    /** No {@code mosfirewall=}: mosnet leaves the firewall alone. */
    public static FirewallSpec absent() {
        return new FirewallSpec(Policy.ABSENT, List.of());
    }

    public enum Policy {
        /** Not configured: mosnet installs nothing and removes nothing. */
        ABSENT,
        /** {@code none}: no firewall; tables an earlier run left are removed. */
        NONE,
        /** Default: input dropped unless a rule accepts it. */
        DROP,
        /** {@code permissive}: the table exists, input is accepted. */
        PERMISSIVE
    }
}
