package io.mosnet.ovs.unixctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code mosnet datapath} and {@code mosnet conntrack} views: ovs-vswitchd's dpctl commands over its unixctl
 * socket, returned as JSON-friendly maps. OVS 3.1 answers these in text; lines are kept verbatim and datapath
 * flows are also split into match, statistics and actions.
 */
public final class DatapathView {

    private final UnixctlClient client;

    public DatapathView(UnixctlClient client) {
        this.client = client;
    }

    /** {@code dpctl/dump-flows}, with {@code -m} (masks, ufids, all fields) when verbose. */
    public Map<String, Object> flows(boolean verbose) {
        String text = client.call("dpctl/dump-flows", verbose ? List.of("-m") : List.of());
        List<Map<String, Object>> flows = new ArrayList<>();
        for (String line : lines(text)) {
            flows.add(parseFlow(line));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verbose", verbose);
        m.put("flows", flows);
        return m;
    }

    /** {@code dpctl/dump-conntrack [zone=N]}: one entry per connection, as the datapath prints it. */
    public Map<String, Object> conntrack(Integer zone) {
        String text = client.call("dpctl/dump-conntrack", zone == null ? List.of() : List.of("zone=" + zone));
        Map<String, Object> m = new LinkedHashMap<>();
        if (zone != null) {
            m.put("zone", zone);
        }
        m.put("entries", lines(text));
        return m;
    }

    /** {@code dpctl/ct-stats-show}: the total and per-protocol counts. */
    public Map<String, Object> conntrackStats() {
        String text = client.call("dpctl/ct-stats-show", List.of());
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> byProtocol = new LinkedHashMap<>();
        for (String line : lines(text)) {
            String t = line.strip();
            int colon = t.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            if (key.equals("Total")) {
                m.put("total", parseLong(value));
            } else if (!key.equals("Connections Stats") && !value.isEmpty()) {
                byProtocol.put(key, parseLong(value.split("\\s+")[0]));
            }
        }
        m.putIfAbsent("total", 0L);
        m.put("protocols", byProtocol);
        m.put("text", text);
        return m;
    }

    /** {@code dpctl/flush-conntrack [zone=N]}. */
    public Map<String, Object> flushConntrack(Integer zone) {
        client.call("dpctl/flush-conntrack", zone == null ? List.of() : List.of("zone=" + zone));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flushed", true);
        if (zone != null) {
            m.put("zone", zone);
        }
        return m;
    }

    /** Splits {@code MATCH, packets:N, bytes:N, used:T, [flags:F, ]actions:A} into its parts. */
    static Map<String, Object> parseFlow(String line) {
        Map<String, Object> m = new LinkedHashMap<>();
        int stats = line.indexOf(", packets:");
        int actions = line.lastIndexOf("actions:");
        if (stats < 0 || actions < stats) {
            m.put("line", line);
            return m;
        }
        m.put("match", line.substring(0, stats));
        for (String part : line.substring(stats + 2, actions).split(",\\s*")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                String k = part.substring(0, colon).strip();
                String v = part.substring(colon + 1).strip();
                m.put(k, k.equals("packets") || k.equals("bytes") ? (Object) parseLong(v) : v);
            }
        }
        m.put("actions", line.substring(actions + "actions:".length()));
        m.put("line", line);
        return m;
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
