package io.mosnet.ovs.openflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry of an OFPMP_FLOW reply (OpenFlow 1.3.5 section 7.3.5.2). */
public record FlowStats(int tableId, long durationSeconds, long durationNanos, int priority, int idleTimeout,
                        int hardTimeout, int flags, long cookie, long packets, long bytes, Match match,
                        List<Instruction> instructions) {

    public FlowStats {
        instructions = List.copyOf(instructions);
    }

    /** JSON-friendly view for {@code mosnet flows}; match and actions in ovs-ofctl syntax. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cookie", String.format("0x%x", cookie));
        m.put("table", tableId);
        m.put("priority", priority);
        m.put("duration", String.format("%d.%03ds", durationSeconds, durationNanos / 1_000_000));
        m.put("packets", packets);
        m.put("bytes", bytes);
        m.put("match", match.toString());
        m.put("actions", Instruction.format(instructions));
        return m;
    }
}
