package io.mosnet.api.state;

import java.util.List;
import java.util.Map;

/**
 * Conntrack entries, for {@code mosnet conntrack}.
 *
 * @param entries the entries (of one zone when asked)
 * @param stats   counters by name (total, per protocol), present when asked for statistics
 */
public record ConntrackReport(List<ConntrackEntry> entries, Map<String, Long> stats) {

    public ConntrackReport {
        entries = entries == null ? List.of() : List.copyOf(entries);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }
}
