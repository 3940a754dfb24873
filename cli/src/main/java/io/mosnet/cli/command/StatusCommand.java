package io.mosnet.cli.command;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.RouteState;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.DaemonUnreachableException;
import io.mosnet.runtime.rpc.JsonNumber;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/**
 * {@code mosnet status}: the daemon's overview. JSON: the {@code status} method's DaemonState.
 *
 * <p>The most used view, so it reads the answer as plain values ({@code RpcClient.call(String)}) rather than
 * mapping it onto {@link DaemonState} with Jackson, whose start-up would double the command's time. It reads the
 * fields as that mapping would: absent lists are empty, absent numbers 0, numbers and booleans where text is
 * expected become their text, anything else that does not fit is an answer that does not match.
 */
@Command(name = "status", description = "Daemon overview: mode, NIC, bridge, addresses, routes, DNS, leases")
public final class StatusCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = daemon().call(DaemonMethods.STATUS);
        if (json) {
            printJson(result);
            return 0;
        }
        List<String[]> rows;
        try {
            rows = rows(object(result));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DaemonUnreachableException("cannot reach mosnetd at " + socketPath()
                    + ": answer does not match " + DaemonState.class.getName() + ": " + e.getMessage(), e);
        }
        Table.keyValues(out(), rows);
        return 0;
    }

    private List<String[]> rows(Map<?, ?> s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Mode", text(s, "mode")});
        rows.add(new String[] {"Phase", text(s, "phase")});
        rows.add(new String[] {"NIC", text(s, "nic")});
        String backend = text(s, "backend");
        rows.add(new String[] {"Bridge", text(s, "bridge") + (backend == null ? "" : " (" + backend + ")")});
        rows.add(new String[] {"Host interface", text(s, "hostInterface")});
        String topology = text(s, "topology");
        if (topology != null && !"single".equals(topology)) {
            rows.add(new String[] {"Topology", topology});
            for (Object item : list(s, "uplinks")) {
                Map<?, ?> u = object(item);
                List<String> addresses = texts(u, "addresses");
                long vlan = number(u, "vlan");
                rows.add(new String[] {"Uplink " + text(u, "bridge"), text(u, "nic") + ", " + text(u, "mode")
                        + (vlan != 0 ? ", VLAN " + vlan : "")
                        + (flag(u, "defaultRoute") ? ", default route and DNS" : ", own subnets only")
                        + (addresses.isEmpty() ? "" : ", " + join(addresses))});
            }
        }
        rows.add(new String[] {"Addresses", join(texts(s, "addresses"))});
        List<String> routes = new ArrayList<>();
        for (Object item : list(s, "routes")) {
            Map<?, ?> r = object(item);
            routes.add(route(text(r, "destination"), text(r, "gateway"), text(r, "device"), flag(r, "onlink")));
        }
        rows.add(new String[] {"Routes", join(routes)});
        rows.add(new String[] {"DNS", join(texts(s, "dns"))});
        rows.add(new String[] {"Search", join(texts(s, "searchDomains"))});
        // Keyed by protocol, a second uplink's as <protocol>@<bridge>. SLAAC_ONLY (no DHCPv6 server) and RA-learned
        // DNS carry no address and may not expire.
        for (var e : new TreeMap<>(objectOrEmpty(s, "leases")).entrySet()) {
            Map<?, ?> l = object(e.getValue());
            String address = text(l, "address");
            String what = (address == null ? "" : address + " ") + text(l, "state");
            IsoInstant expiresAt = instant(l, "expiresAt");
            rows.add(new String[] {"Lease " + e.getKey(), expiresAt == null ? what
                    : what + ", expires " + when(expiresAt)});
        }
        List<String> delegated = texts(s, "delegatedPrefixes");
        if (!delegated.isEmpty()) {
            rows.add(new String[] {"Delegated", join(delegated)});
        }
        List<String> plugins = new ArrayList<>();
        for (Object item : list(s, "plugins")) {
            Map<?, ?> p = object(item);
            plugins.add(text(p, "id") + " " + text(p, "version"));
        }
        rows.add(new String[] {"Plugins", join(plugins)});
        rows.add(new String[] {"Problems", join(texts(s, "problems"))});
        rows.add(new String[] {"Started", when(instant(s, "startedAt"))});
        rows.add(new String[] {"Updated", when(instant(s, "updatedAt"))});
        return rows;
    }

    static String route(RouteState r) {
        return route(r.destination(), r.gateway(), r.device(), r.onlink());
    }

    private static String route(String destination, String gateway, String device, boolean onlink) {
        return destination + (gateway == null ? "" : " via " + gateway) + " dev " + device + (onlink ? " onlink" : "");
    }

    private static Map<?, ?> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("expected an object, found " + describe(value));
    }

    private static Map<String, Object> objectOrEmpty(Map<?, ?> o, String name) {
        Object value = o.get(name);
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        if (value == null) {
            return copy;
        }
        object(value).forEach((k, v) -> {
            if (v == null) {
                throw new IllegalArgumentException(name + "." + k + " is null");
            }
            copy.put(String.valueOf(k), v);
        });
        return copy;
    }

    private static List<?> list(Map<?, ?> o, String name) {
        Object value = o.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item == null) {
                    throw new IllegalArgumentException(name + " holds null");
                }
            }
            return list;
        }
        throw new IllegalArgumentException(name + ": expected an array, found " + describe(value));
    }

    private static List<String> texts(Map<?, ?> o, String name) {
        List<String> texts = new ArrayList<>();
        for (Object item : list(o, name)) {
            texts.add(scalar(name, item));
        }
        return texts;
    }

    private static String text(Map<?, ?> o, String name) {
        Object value = o.get(name);
        return value == null ? null : scalar(name, value);
    }

    private static String scalar(String name, Object value) {
        if (value instanceof String || value instanceof JsonNumber || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException(name + ": expected text, found " + describe(value));
    }

    // Plain if/instanceof rather than pattern switches here: each switch on types costs a bootstrap at first use.
    private static long number(Map<?, ?> o, String name) {
        Object value = o.get(name);
        try {
            if (value == null) {
                return 0;
            }
            if (value instanceof JsonNumber n) {
                return n.longValue();
            }
            if (value instanceof String s) {
                return Long.parseLong(s);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected an integer, found " + value, e);
        }
        throw new IllegalArgumentException(name + ": expected a number, found " + describe(value));
    }

    private static boolean flag(Map<?, ?> o, String name) {
        Object value = o.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(name + ": expected true or false, found " + describe(value));
    }

    private static IsoInstant instant(Map<?, ?> o, String name) {
        Object value = o.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return IsoInstant.parse(s);
        }
        throw new IllegalArgumentException(name + ": expected an ISO-8601 instant, found " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return value instanceof String ? "text" : String.valueOf(value);
    }
}
