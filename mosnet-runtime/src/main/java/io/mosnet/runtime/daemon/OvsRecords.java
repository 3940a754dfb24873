package io.mosnet.runtime.daemon;

import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.state.ConntrackEntry;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.OvsPortState;
import io.mosnet.api.state.OvsReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OVS backend's views ({@link io.mosnet.api.bridge.BridgeBackend#view}, plain maps, as the drop-in plugin
 * returns them) turned into the API's records. The runtime cannot see the plugin's classes, so this reads the maps by
 * key and tolerates what a view leaves out.
 */
final class OvsRecords {

    private OvsRecords() {
    }

    /** From the {@code ovs} view: OVSDB's bridge row with its ports, and mosnet's controller connection. */
    static OvsReport report(Map<String, Object> view, String bridgeName) {
        if (!(view.get("bridge") instanceof Map<?, ?> bridge)) {
            Object error = view.get("ovsdb_error");
            throw new MosnetException("OVS bridge " + bridgeName + ": " + (error != null
                    ? "cannot read OVSDB: " + error : "ovsdb-server has no bridge of that name"));
        }
        List<OvsPortState> ports = new ArrayList<>();
        for (Map<?, ?> port : maps(bridge.get("ports"))) {
            List<Map<?, ?>> ifaces = maps(port.get("interfaces"));
            Map<?, ?> iface = ifaces.isEmpty() ? Map.of() : ifaces.get(0);
            Number ofport = iface.get("ofport") instanceof Number n ? n : -1;
            ports.add(new OvsPortState(text(port.get("name")), ofport.intValue(),
                    iface.get("type") == null ? null : text(iface.get("type")), null, List.of()));
        }
        List<String> controllers = new ArrayList<>();
        if (view.get("controller") instanceof Map<?, ?> c && c.get("socket") != null) {
            controllers.add("unix:" + c.get("socket") + " (mosnet, "
                    + (Boolean.TRUE.equals(c.get("connected")) ? "connected" : "not connected") + ")");
        }
        return new OvsReport(text(bridge.get("name")), text(view.get("ovs_version")),
                text(bridge.get("datapath_type")), text(bridge.get("fail_mode")), controllers, ports);
    }

    /** From the {@code flows} view: every OpenFlow flow of the bridge. */
    static List<FlowEntry> flows(Map<String, Object> view) {
        return maps(view.get("flows")).stream().map(f -> new FlowEntry(number(f.get("table")).intValue(),
                number(f.get("priority")).intValue(), text(f.get("match")), text(f.get("actions")),
                number(f.get("packets")).longValue(), number(f.get("bytes")).longValue(), text(f.get("cookie"))))
                .toList();
    }

    /** How many flows of the {@code flows} view carry mosnet's cookie (which the view names). */
    static long ownedFlows(Map<String, Object> view) {
        Object cookie = view.get("mosnet_cookie");
        if (cookie == null) {
            throw new MosnetException("the OVS backend's flows view does not say which cookie marks mosnet's flows");
        }
        return flows(view).stream().filter(f -> cookie.toString().equalsIgnoreCase(f.cookie())).count();
    }

    /** From the {@code datapath} view; a line the plugin could not split is kept whole as the match. */
    static List<DatapathFlow> datapath(Map<String, Object> view) {
        return maps(view.get("flows")).stream().map(f -> f.containsKey("match")
                ? new DatapathFlow(text(f.get("match")), text(f.get("actions")), number(f.get("packets")).longValue(),
                number(f.get("bytes")).longValue(), text(f.get("used")))
                : new DatapathFlow(text(f.get("line")), null, -1, -1, null)).toList();
    }

    /**
     * From the {@code conntrack} view (entries as the datapath prints them) and, when asked, the statistics view
     * ({@code total} and per-protocol counts).
     */
    static ConntrackReport conntrack(Map<String, Object> entries, Map<String, Object> stats) {
        List<ConntrackEntry> list = new ArrayList<>();
        if (entries.get("entries") instanceof List<?> lines) {
            for (Object line : lines) {
                list.add(entry(line.toString()));
            }
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        if (stats != null) {
            counters.put("total", number(stats.get("total")).longValue());
            if (stats.get("protocols") instanceof Map<?, ?> byProtocol) {
                byProtocol.forEach((k, v) -> counters.put(k.toString().toLowerCase(Locale.ROOT),
                        number(v).longValue()));
            }
        }
        return new ConntrackReport(list, counters);
    }

    static ConntrackFlushResult flushed(Map<String, Object> view) {
        Integer zone = view.get("zone") instanceof Number n ? n.intValue() : null;
        // dpctl/flush-conntrack does not say how many entries went.
        return new ConntrackFlushResult(zone, -1);
    }

    /**
     * One line of {@code dpctl/dump-conntrack}:
     * {@code tcp,orig=(src=..,dst=..,sport=..,dport=..),reply=(..),zone=5,protoinfo=(state=ESTABLISHED)}; zone is
     * printed only when not 0. A line of another shape is kept whole as the original tuple.
     */
    static ConntrackEntry entry(String line) {
        List<String> parts = topLevel(line.strip());
        if (parts.size() < 3 || !parts.get(1).startsWith("orig=(") || !parts.get(2).startsWith("reply=(")) {
            return new ConntrackEntry(null, 0, line.strip(), null, null);
        }
        int zone = 0;
        String state = null;
        for (String p : parts.subList(3, parts.size())) {
            if (p.startsWith("zone=")) {
                try {
                    zone = Integer.parseInt(p.substring(5));
                } catch (NumberFormatException e) {
                    return new ConntrackEntry(null, 0, line.strip(), null, null);
                }
            } else if (p.startsWith("protoinfo=(")) {
                for (String kv : inner(p).split(",")) {
                    if (kv.startsWith("state=")) {
                        state = kv.substring(6);
                    }
                }
            }
        }
        return new ConntrackEntry(parts.get(0), zone, inner(parts.get(1)), inner(parts.get(2)), state);
    }

    /** Splits on commas outside parentheses. */
    private static List<String> topLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** {@code key=(inside)} to {@code inside}. */
    private static String inner(String part) {
        int open = part.indexOf('(');
        int close = part.lastIndexOf(')');
        return open >= 0 && close > open ? part.substring(open + 1, close) : part;
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static Number number(Object o) {
        return o instanceof Number n ? n : -1;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
