package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.rpc.JsonTree;
import io.mosnet.runtime.rpc.PrettyJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state file's JSON without Jackson: the state as a plain tree (record components in declaration order, map keys
 * sorted, ISO-8601 instants, nulls kept; the free-form values through {@link JsonTree}, as the API's) printed by
 * {@link PrettyJson}, the same bytes as {@link StateJson}'s pretty printer. The state's own records are mapped here
 * by hand, not by JsonTree's reflection, because the first write happens on the way to the network. Jackson building its bean serialisers by reflection cost the daemon tens of milliseconds of CPU on its way
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
        m.put("addresses", JsonTree.of(s.addresses()));
        m.put("routes", list(s.routes(), StateJsonWriter::route));
        m.put("dns", JsonTree.of(s.dns()));
        m.put("searchDomains", JsonTree.of(s.searchDomains()));
        m.put("leases", sortedValues(s.leases(), StateJsonWriter::lease));
        m.put("delegatedPrefixes", JsonTree.of(s.delegatedPrefixes()));
        m.put("firewall", JsonTree.of(s.firewall()));
        m.put("nat", JsonTree.of(s.nat()));
        m.put("plugins", list(s.plugins(), StateJsonWriter::plugin));
        m.put("problems", JsonTree.of(s.problems()));
        m.put("backendInfo", JsonTree.of(s.backendInfo()));
        m.put("startedAt", JsonTree.of(s.startedAt()));
        m.put("updatedAt", JsonTree.of(s.updatedAt()));
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
        m.put("dns", JsonTree.of(l.dns()));
        m.put("domains", JsonTree.of(l.domains()));
        m.put("routes", JsonTree.of(l.routes()));
        m.put("mtu", l.mtu());
        m.put("obtainedAt", JsonTree.of(l.obtainedAt()));
        m.put("renewAt", JsonTree.of(l.renewAt()));
        m.put("rebindAt", JsonTree.of(l.rebindAt()));
        m.put("expiresAt", JsonTree.of(l.expiresAt()));
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
        m.put("addresses", JsonTree.of(u.addresses()));
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
}
