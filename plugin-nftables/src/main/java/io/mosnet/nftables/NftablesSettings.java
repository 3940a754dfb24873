package io.mosnet.nftables;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugin's settings, {@code [plugins.nftables]} in mosnet.toml ({@code MosnetConfig.pluginSettings("nftables")}).
 *
 * <ul>
 *   <li>{@code egress_mac_guard = true|false}: see {@link EgressMacGuard}. Left out, an earlier run's guard table
 *       stays as it is; {@code false} removes it.</li>
 * </ul>
 * Unknown keys are rejected so that a misspelt setting is not silently ignored.
 *
 * @param egressMacGuard the guard's wanted state
 */
record NftablesSettings(Toggle egressMacGuard) {

    static final String EGRESS_MAC_GUARD = "egress_mac_guard";
    private static final Set<String> KNOWN = Set.of(EGRESS_MAC_GUARD);

    /** A feature mosnet may have been asked to switch on, off, or leave alone. */
    enum Toggle { ABSENT, OFF, ON }

    static NftablesSettings defaults() {
        return new NftablesSettings(Toggle.ABSENT);
    }

    /** @throws NftablesException naming the key and the value when a setting is unknown or not a boolean */
    static NftablesSettings parse(Map<String, Object> settings) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new NftablesException("unknown setting(s) " + unknown + " in [plugins.nftables]; known: " + KNOWN);
        }
        Object guard = settings.get(EGRESS_MAC_GUARD);
        return new NftablesSettings(guard == null ? Toggle.ABSENT : toggle(EGRESS_MAC_GUARD, guard));
    }

    private static Toggle toggle(String key, Object value) {
        if (value instanceof Boolean b) {
            return b ? Toggle.ON : Toggle.OFF;
        }
        return switch (String.valueOf(value).trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Toggle.ON;
            case "false", "no", "off", "0" -> Toggle.OFF;
            default -> throw new NftablesException("[plugins.nftables] " + key + " = '" + value
                    + "' is not a boolean (true or false)");
        };
    }
}
