package io.mosnet.api.config;

import java.util.List;

/**
 * {@code mosnat=<snat|iface|none>[,<forward>...]}.
 *
 * @param masquerade  none, on the default route's interface (snat), or on a named interface
 * @param iface       the interface for {@link Masquerade#INTERFACE}, else null
 * @param forwards    port forwards
 */
public record NatSpec(Masquerade masquerade, String iface, List<PortForward> forwards) {

    public NatSpec {
        forwards = List.copyOf(forwards);
    }

    public static NatSpec absent() {
        return new NatSpec(Masquerade.ABSENT, null, List.of());
    }

    public enum Masquerade {
        /** Not configured: mosnet leaves NAT alone. */
        ABSENT,
        /** {@code none}: no NAT; the table an earlier run left is removed. */
        NONE,
        /** {@code snat}: masquerade on the interface of the default route. */
        DEFAULT_ROUTE,
        /** masquerade on {@link NatSpec#iface()}. */
        INTERFACE
    }
}
