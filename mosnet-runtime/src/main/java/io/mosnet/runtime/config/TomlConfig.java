package io.mosnet.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads mosnet.toml and turns it into the same settings the kernel command line gives, so one parser validates
 * both. The file spells each setting as a TOML key (or table) named after the parameter without its {@code mos}
 * prefix, and adds {@code [plugins.<id>]} tables for plugin settings that do not fit on a command line:
 *
 * <pre>
 * ip4 = "136.243.10.20,136.243.10.1,255.255.255.255"   # or [ip4] address/gateway/netmask/device
 * ip6 = "2a01:4f8::2/128,fe80::1"                      # or [ip6] address/gateway/device
 * firewall = ["ssh", "8080/tcp"]                       # or one comma-separated string
 * nat = "snat,8080:192.168.1.100:80/tcp"               # or [nat] masquerade/forwards
 * bridge = "linux"
 * topology = "single"                                 # single | vlan | dual-nic
 * nics = ["eth0"]
 * vlan = "4000,1400"                                  # or a number, or [vlan] id/mtu
 * [uplink2]                                           # dual-nic: the second uplink
 * nic = "eth1"
 * ip4 = "10.0.0.2,10.0.0.1,24"                        # absent: DHCP
 * [dhcp]
 * timeout = 10
 * prefer_private = true
 * classless_routes = true
 * rapid_commit = false
 * hostname = "node1"
 * v6 = true
 * prefix_delegation = "no"   # no | yes | assign
 * [plugins.ovs]
 * ovsdb = "unix:/var/run/openvswitch/db.sock"
 * </pre>
 */
public final class TomlConfig {

    /**
     * The settings and plugin tables from one file, and the problems found in its shape (unknown keys, wrong
     * types).
     */
    public record Contents(Map<Setting, String> settings, Map<String, Map<String, Object>> plugins,
                           List<String> problems) {
    }

    private final Path file;
    private final Map<Setting, String> settings = new EnumMap<>(Setting.class);
    private final Map<String, Map<String, Object>> plugins = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private TomlConfig(Path file) {
        this.file = file;
    }

    /** Reads the file; a syntax error becomes one problem naming the file and the position. */
    public static Contents read(Path file) {
        TomlConfig t = new TomlConfig(file);
        try {
            JsonNode root = new TomlMapper().readTree(file.toFile());
            t.walk(root);
        } catch (IOException e) {
            t.problems.add(file + ": " + firstLine(e.getMessage()));
        }
        return new Contents(t.settings, t.plugins, t.problems);
    }

    private void walk(JsonNode root) {
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "ip4" -> put(Setting.IP4, v.isObject() ? join(v, "address", "gateway", "netmask", "device") : scalar(key, v));
                case "ip6" -> put(Setting.IP6, v.isObject() ? join(v, "address", "gateway", "device") : scalar(key, v));
                case "firewall" -> put(Setting.FIREWALL, list(key, v));
                case "nat" -> put(Setting.NAT, v.isObject() ? nat(v) : scalar(key, v));
                case "bridge" -> put(Setting.BRIDGE, scalar(key, v));
                case "topology" -> put(Setting.TOPOLOGY, scalar(key, v));
                case "nics" -> put(Setting.NICS, list(key, v));
                case "vlan" -> put(Setting.VLAN, v.isObject() ? join(v, "id", "mtu") : scalar(key, v));
                case "uplink2" -> uplink2(v);
                case "dhcp" -> dhcp(v);
                case "plugins" -> plugins(v);
                default -> problems.add(file + ": unknown key '" + key + "', expected one of ip4, ip6, firewall, nat, "
                        + "bridge, topology, nics, vlan, [uplink2], [dhcp], [plugins.<id>]");
            }
        }
    }

    private void dhcp(JsonNode table) {
        if (!table.isObject()) {
            problems.add(file + ": 'dhcp' must be a table");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = table.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = "dhcp." + e.getKey();
            Setting s = switch (e.getKey()) {
                case "timeout" -> Setting.DHCP_TIMEOUT;
                case "prefer_private" -> Setting.DHCP_PREFER_PRIVATE;
                case "classless_routes" -> Setting.DHCP_CLASSLESS_ROUTES;
                case "rapid_commit" -> Setting.DHCP_RAPID_COMMIT;
                case "hostname" -> Setting.DHCP_HOSTNAME;
                case "v6" -> Setting.DHCP6;
                case "prefix_delegation" -> Setting.DHCP6_PD;
                default -> null;
            };
            if (s == null) {
                problems.add(file + ": unknown key '" + k + "', expected one of timeout, prefer_private, "
                        + "classless_routes, rapid_commit, hostname, v6, prefix_delegation");
            } else {
                JsonNode v = e.getValue();
                put(s, v.isBoolean() ? (v.booleanValue() ? "yes" : "no") : scalar(k, v));
            }
        }
    }

    /** {@code [uplink2]}: nic, ip4, ip6 of the dual-nic topology's second uplink. */
    private void uplink2(JsonNode table) {
        if (!table.isObject()) {
            problems.add(file + ": 'uplink2' must be a table");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = table.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = "uplink2." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "nic" -> put(Setting.NIC2, scalar(k, v));
                case "ip4" -> put(Setting.IP4_2, v.isObject() ? join(v, "address", "gateway", "netmask", "device")
                        : scalar(k, v));
                case "ip6" -> put(Setting.IP6_2, v.isObject() ? join(v, "address", "gateway", "device") : scalar(k, v));
                default -> problems.add(file + ": unknown key '" + k + "', expected one of nic, ip4, ip6");
            }
        }
    }

    private void plugins(JsonNode table) {
        if (!table.isObject()) {
            problems.add(file + ": 'plugins' must be a table of [plugins.<id>] tables");
            return;
        }
        ObjectMapper m = new ObjectMapper();
        Iterator<Map.Entry<String, JsonNode>> it = table.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                problems.add(file + ": 'plugins." + e.getKey() + "' must be a table");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = m.convertValue(e.getValue(), LinkedHashMap.class);
            plugins.put(e.getKey(), values);
        }
    }

    private String nat(JsonNode v) {
        String head = v.path("masquerade").asText("snat");
        String forwards = v.has("forwards") ? list("nat.forwards", v.get("forwards")) : null;
        return forwards == null || forwards.isEmpty() ? head : head + "," + forwards;
    }

    private String join(JsonNode table, String... fields) {
        List<String> parts = new ArrayList<>();
        for (String f : fields) {
            if (table.has(f)) {
                parts.add(table.get(f).asText());
            }
        }
        return String.join(",", parts);
    }

    private String list(String key, JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return String.join(",", items);
        }
        return scalar(key, v);
    }

    private String scalar(String key, JsonNode v) {
        if (v.isValueNode()) {
            return v.asText();
        }
        problems.add(file + ": '" + key + "' must be a string or number");
        return null;
    }

    private void put(Setting s, String value) {
        if (value != null) {
            settings.put(s, value);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
