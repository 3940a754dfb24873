package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.rpc.JsonStrings;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state file's JSON, written by hand: the same bytes as {@link StateJson}'s pretty printer (record components in
 * declaration order, map keys sorted, ISO-8601 instants, nulls written), without Jackson building bean serialisers by
 * reflection first: that cost the daemon tens of milliseconds of CPU on its way to the network, the moment it first
 * wrote its phase. {@code StateJsonWriterTest} holds it to Jackson's output; reading stays with Jackson.
 */
final class StateJsonWriter {

    private final StringBuilder out = new StringBuilder(2048);
    private int depth;

    private StateJsonWriter() {
    }

    /** {@code state} as pretty-printed JSON, without a trailing newline. */
    static String write(DaemonState state) {
        StateJsonWriter w = new StateJsonWriter();
        w.state(state);
        return w.out.toString();
    }

    private void state(DaemonState s) {
        begin();
        field("schemaVersion").append(s.schemaVersion());
        field("mode").string(s.mode());
        field("phase").string(s.phase());
        field("nic").string(s.nic());
        field("bridge").string(s.bridge());
        field("hostInterface").string(s.hostInterface());
        field("backend").string(s.backend());
        field("addresses").value(s.addresses());
        field("routes").routes(s.routes());
        field("dns").value(s.dns());
        field("searchDomains").value(s.searchDomains());
        field("leases").leases(s.leases());
        field("delegatedPrefixes").value(s.delegatedPrefixes());
        field("firewall").value(s.firewall());
        field("nat").value(s.nat());
        field("plugins").plugins(s.plugins());
        field("problems").value(s.problems());
        field("backendInfo").value(s.backendInfo());
        field("startedAt").value(s.startedAt());
        field("updatedAt").value(s.updatedAt());
        field("topology").string(s.topology());
        field("uplinks").uplinks(s.uplinks());
        end();
    }

    private void routes(Collection<RouteState> routes) {
        array(routes, r -> {
            begin();
            field("destination").string(r.destination());
            field("gateway").string(r.gateway());
            field("device").string(r.device());
            field("onlink").append(r.onlink());
            end();
        });
    }

    private void leases(Map<String, LeaseState> leases) {
        object(leases, l -> {
            begin();
            field("protocol").string(l.protocol());
            field("state").string(l.state());
            field("nic").string(l.nic());
            field("address").string(l.address());
            field("gateway").string(l.gateway());
            field("server").string(l.server());
            field("dns").value(l.dns());
            field("domains").value(l.domains());
            field("routes").value(l.routes());
            field("mtu").append(l.mtu());
            field("obtainedAt").value(l.obtainedAt());
            field("renewAt").value(l.renewAt());
            field("rebindAt").value(l.rebindAt());
            field("expiresAt").value(l.expiresAt());
            field("clientId").string(l.clientId());
            end();
        });
    }

    private void plugins(Collection<PluginInfo> plugins) {
        array(plugins, p -> {
            begin();
            field("id").string(p.id());
            field("kind").string(p.kind());
            field("version").string(p.version());
            field("source").string(p.source());
            end();
        });
    }

    private void uplinks(Collection<UplinkState> uplinks) {
        array(uplinks, u -> {
            begin();
            field("bridge").string(u.bridge());
            field("nic").string(u.nic());
            field("mode").string(u.mode());
            field("vlan").append(u.vlan());
            field("defaultRoute").append(u.defaultRoute());
            field("addresses").value(u.addresses());
            end();
        });
    }

    /** The values a state's free-form maps hold: text, numbers, booleans, instants, lists and maps of those. */
    private void value(Object v) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Short s -> out.append(s);
            case Byte b -> out.append(b);
            case Double d -> out.append(d.isNaN() || d.isInfinite() ? "\"" + d + "\"" : d.toString());
            case Float f -> out.append(f.isNaN() || f.isInfinite() ? "\"" + f + "\"" : f.toString());
            case Number n -> out.append(n);
            case Instant t -> string(t.toString());
            case Map<?, ?> m -> object(m, this::value);
            case Collection<?> c -> array(c, this::value);
            case Enum<?> e -> string(e.name());
            default -> string(v.toString());
        }
    }

    private <T> void array(Collection<T> items, java.util.function.Consumer<T> element) {
        if (items == null) {
            out.append("null");
            return;
        }
        if (items.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        boolean first = true;
        for (T item : items) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            element.accept(item);
        }
        out.append(" ]");
    }

    private <V> void object(Map<?, V> map, java.util.function.Consumer<V> element) {
        if (map == null) {
            out.append("null");
            return;
        }
        if (map.isEmpty()) {
            out.append("{ }");
            return;
        }
        Map<String, V> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        begin();
        sorted.forEach((k, v) -> {
            field(k);
            element.accept(v);
        });
        end();
    }

    private boolean firstField;

    private void begin() {
        out.append('{');
        depth++;
        firstField = true;
    }

    private void end() {
        depth--;
        if (firstField) {
            out.append(" }"); // an object without fields
        } else {
            out.append('\n').append("  ".repeat(depth)).append('}');
        }
        firstField = false;
    }

    private StateJsonWriter field(String name) {
        out.append(firstField ? "\n" : ",\n").append("  ".repeat(depth));
        firstField = false;
        string(name);
        out.append(" : ");
        return this;
    }

    private StateJsonWriter append(Object plain) {
        out.append(plain);
        return this;
    }

    /** A JSON string, escaped as Jackson does (see {@link JsonStrings}). */
    private void string(String s) {
        if (s == null) {
            out.append("null");
        } else {
            JsonStrings.quote(s, out);
        }
    }
}
