package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.rpc.PrettyJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state file's JSON without Jackson: the state as a plain tree (record components in declaration order, map keys
 * sorted, ISO-8601 instants, nulls kept) printed by {@link PrettyJson}, the same bytes as {@link StateJson}'s pretty
 * printer. Jackson building its bean serialisers by reflection cost the daemon tens of milliseconds of CPU on its way
 * to the network, the moment it first wrote its phase. {@code StateJsonWriterTest} holds this to Jackson's output;
 * {@link StateJsonReader} reads it back, also without Jackson.
 */
final class StateJsonWriter {

    private StateJsonWriter() {
    }

    /** {@code state} as pretty-printed JSON, without a trailing newline. */
    static String write(DaemonState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", s.schemaVersion());
        m.put("mode", s.mode());
        m.put("phase", s.phase());
        m.put("nic", s.nic());
        m.put("bridge", s.bridge());
        m.put("hostInterface", s.hostInterface());
        m.put("backend", s.backend());
        m.put("addresses", plain(s.addresses()));
        m.put("routes", list(s.routes(), StateJsonWriter::route));
        m.put("dns", plain(s.dns()));
        m.put("searchDomains", plain(s.searchDomains()));
        m.put("leases", sortedValues(s.leases(), StateJsonWriter::lease));
        m.put("delegatedPrefixes", plain(s.delegatedPrefixes()));
        m.put("firewall", plain(s.firewall()));
        m.put("nat", plain(s.nat()));
        m.put("plugins", list(s.plugins(), StateJsonWriter::plugin));
        m.put("problems", plain(s.problems()));
        m.put("backendInfo", plain(s.backendInfo()));
        m.put("startedAt", plain(s.startedAt()));
        m.put("updatedAt", plain(s.updatedAt()));
        m.put("topology", s.topology());
        m.put("uplinks", list(s.uplinks(), StateJsonWriter::uplink));
        return PrettyJson.write(m);
    }

    private static Map<String, Object> route(RouteState r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("destination", r.destination());
        m.put("gateway", r.gateway());
        m.put("device", r.device());
        m.put("onlink", r.onlink());
        return m;
    }

    private static Map<String, Object> lease(LeaseState l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", l.protocol());
        m.put("state", l.state());
        m.put("nic", l.nic());
        m.put("address", l.address());
        m.put("gateway", l.gateway());
        m.put("server", l.server());
        m.put("dns", plain(l.dns()));
        m.put("domains", plain(l.domains()));
        m.put("routes", plain(l.routes()));
        m.put("mtu", l.mtu());
        m.put("obtainedAt", plain(l.obtainedAt()));
        m.put("renewAt", plain(l.renewAt()));
        m.put("rebindAt", plain(l.rebindAt()));
        m.put("expiresAt", plain(l.expiresAt()));
        m.put("clientId", l.clientId());
        return m;
    }

    private static Map<String, Object> plugin(PluginInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("kind", p.kind());
        m.put("version", p.version());
        m.put("source", p.source());
        return m;
    }

    private static Map<String, Object> uplink(UplinkState u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bridge", u.bridge());
        m.put("nic", u.nic());
        m.put("mode", u.mode());
        m.put("vlan", u.vlan());
        m.put("defaultRoute", u.defaultRoute());
        m.put("addresses", plain(u.addresses()));
        return m;
    }

    private static <T> List<Object> list(Collection<T> items, Function<T, Object> element) {
        if (items == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(element.apply(i)));
        return out;
    }

    /** A map with its keys sorted, as Jackson writes maps here; each value through {@code value}. */
    private static <V> Map<String, Object> sortedValues(Map<?, V> map, Function<V, Object> value) {
        if (map == null) {
            return null;
        }
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v == null ? null : value.apply(v)));
        return sorted;
    }

    /**
     * The values a state's free-form maps hold, as Jackson writes them: maps with their keys sorted, instants as
     * ISO-8601 text, a double that is not a number as text, enums by name, anything else unknown by its text.
     */
    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())
                || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return v.toString();
        } else if (v instanceof Number) {
            return v;
        } else if (v instanceof Instant t) {
            return t.toString();
        } else if (v instanceof Map<?, ?> map) {
            return sortedValues(map, StateJsonWriter::plain);
        } else if (v instanceof Collection<?> c) {
            return list(c, StateJsonWriter::plain);
        } else if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }
}
