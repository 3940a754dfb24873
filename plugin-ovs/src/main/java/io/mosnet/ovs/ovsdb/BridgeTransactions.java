package io.mosnet.ovs.ovsdb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.api.net.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OVSDB transactions that build bridge {@code mos}: pure functions from intent to RFC 7047 operations, so
 * their JSON is tested against golden text and the backend only decides which to run.
 */
public final class BridgeTransactions {

    /** external_ids key marking rows mosnet created. */
    public static final String OWNER_KEY = "mosnet";

    private BridgeTransactions() {
    }

    /**
     * A new bridge with its internal port (named like the bridge; the host's addresses go there) and the uplink
     * as a system port. fail_mode=secure keeps vswitchd from acting as a learning switch while mosnet's
     * controller is away (reference ADR 007); other_config:hwaddr gives the internal port the uplink's MAC.
     */
    public static List<ObjectNode> createBridge(String bridge, String uplink, MacAddress mac, String datapathType) {
        return createBridge(bridge, uplink, mac, datapathType, 0, 0);
    }

    /**
     * As {@link #createBridge(String, String, MacAddress, String)}, with the internal port an access port of
     * {@code vlan} (Port tag; the uplink, without tag or trunks, is a trunk of every VLAN) and the internal
     * interface's MTU requested ({@code mtu_request}); 0 leaves either out.
     */
    public static List<ObjectNode> createBridge(String bridge, String uplink, MacAddress mac, String datapathType,
                                                int vlan, int mtu) {
        List<ObjectNode> ops = new ArrayList<>();
        // Fails the transaction if another client created the bridge since we looked (section 5.2.6, timeout 0).
        ops.add(Ovsdb.wait("Bridge", Ovsdb.whereName(bridge), List.of("name"), "==", Ovsdb.JSON.arrayNode(), 0));
        ObjectNode local = Ovsdb.row().put("name", bridge).put("type", "internal");
        if (mtu != 0) {
            local.put("mtu_request", mtu);
        }
        ops.add(Ovsdb.insert("Interface", local, "iface_local"));
        ObjectNode localPort = port(bridge, "iface_local");
        if (vlan != 0) {
            localPort.put("tag", vlan);
        }
        ops.add(Ovsdb.insert("Port", localPort, "port_local"));
        ops.add(Ovsdb.insert("Interface", Ovsdb.row().put("name", uplink), "iface_uplink"));
        ops.add(Ovsdb.insert("Port", port(uplink, "iface_uplink"), "port_uplink"));
        ObjectNode row = Ovsdb.row().put("name", bridge);
        row.set("ports", Ovsdb.set(List.of(Ovsdb.namedUuid("port_local"), Ovsdb.namedUuid("port_uplink"))));
        row.put("fail_mode", "secure");
        row.put("datapath_type", datapathType);
        row.set("other_config", Ovsdb.map(Map.of("hwaddr", mac.toString())));
        row.set("external_ids", Ovsdb.map(Map.of(OWNER_KEY, "true")));
        ops.add(Ovsdb.insert("Bridge", row, "bridge"));
        ops.add(Ovsdb.mutate("Open_vSwitch", Ovsdb.all(), "bridges", "insert",
                Ovsdb.set(List.of(Ovsdb.namedUuid("bridge")))));
        ops.addAll(bumpConfig());
        return ops;
    }

    /** Adds a port with one interface of the same name to an existing bridge. */
    public static List<ObjectNode> addPort(String bridgeUuid, String name, String type) {
        List<ObjectNode> ops = new ArrayList<>();
        ObjectNode iface = Ovsdb.row().put("name", name);
        if (type != null) {
            iface.put("type", type);
        }
        ops.add(Ovsdb.insert("Interface", iface, "iface_new"));
        ops.add(Ovsdb.insert("Port", port(name, "iface_new"), "port_new"));
        ops.add(Ovsdb.mutate("Bridge", Ovsdb.whereUuid(bridgeUuid), "ports", "insert",
                Ovsdb.set(List.of(Ovsdb.namedUuid("port_new")))));
        ops.addAll(bumpConfig());
        return ops;
    }

    /**
     * Brings an adopted bridge's settings back to what mosnet needs without touching its ports: fail_mode,
     * datapath_type and the hwaddr key (other keys of other_config are left alone).
     */
    public static List<ObjectNode> converge(String bridgeUuid, MacAddress mac, String datapathType) {
        List<ObjectNode> ops = new ArrayList<>();
        ObjectNode row = Ovsdb.row().put("fail_mode", "secure").put("datapath_type", datapathType);
        ops.add(Ovsdb.update("Bridge", Ovsdb.whereUuid(bridgeUuid), row));
        ops.add(Ovsdb.mutate("Bridge", Ovsdb.whereUuid(bridgeUuid), "other_config", "delete",
                Ovsdb.stringSet(List.of("hwaddr"))));
        ops.add(Ovsdb.mutate("Bridge", Ovsdb.whereUuid(bridgeUuid), "other_config", "insert",
                Ovsdb.map(Map.of("hwaddr", mac.toString()))));
        ops.addAll(bumpConfig());
        return ops;
    }

    /**
     * Makes the host's internal port an access port of {@code vlan}, or untagged again with 0 (an empty set clears
     * the optional tag column, RFC 7047 section 5.1).
     */
    public static List<ObjectNode> setAccessVlan(String portUuid, int vlan) {
        ObjectNode row = Ovsdb.row();
        if (vlan != 0) {
            row.put("tag", vlan);
        } else {
            row.set("tag", Ovsdb.set(List.of()));
        }
        List<ObjectNode> ops = new ArrayList<>();
        ops.add(Ovsdb.update("Port", Ovsdb.whereUuid(portUuid), row));
        ops.addAll(bumpConfig());
        return ops;
    }

    /** Requests {@code mtu} for an interface (vswitchd applies it to the internal device). */
    public static List<ObjectNode> setMtuRequest(String interfaceUuid, int mtu) {
        List<ObjectNode> ops = new ArrayList<>();
        ops.add(Ovsdb.update("Interface", Ovsdb.whereUuid(interfaceUuid), Ovsdb.row().put("mtu_request", mtu)));
        ops.addAll(bumpConfig());
        return ops;
    }

    /**
     * Asks vswitchd to reconfigure (next_cfg += 1) and reads the new value back, as ovs-vsctl does; the caller
     * then waits for cur_cfg to reach it with {@link #awaitApplied}.
     */
    static List<ObjectNode> bumpConfig() {
        return List.of(
                Ovsdb.mutate("Open_vSwitch", Ovsdb.all(), "next_cfg", "+=", Ovsdb.JSON.numberNode(1)),
                Ovsdb.select("Open_vSwitch", Ovsdb.all(), List.of("next_cfg")));
    }

    /** The next_cfg value a transaction built with {@link #bumpConfig} ends with. */
    public static long nextCfgOf(List<com.fasterxml.jackson.databind.JsonNode> results) {
        return results.get(results.size() - 1).path("rows").path(0).path("next_cfg").asLong();
    }

    /**
     * Blocks in ovsdb-server until ovs-vswitchd reports cur_cfg == {@code nextCfg}, i.e. has applied the change
     * (created the ports and the internal device); the server fails it after {@code timeoutMillis}.
     */
    public static List<ObjectNode> awaitApplied(long nextCfg, long timeoutMillis) {
        ArrayNode rows = Ovsdb.JSON.arrayNode().add(Ovsdb.row().put("cur_cfg", nextCfg));
        return List.of(Ovsdb.wait("Open_vSwitch", Ovsdb.all(), List.of("cur_cfg"), "==", rows, timeoutMillis));
    }

    private static ObjectNode port(String name, String ifaceUuidName) {
        ObjectNode row = Ovsdb.row().put("name", name);
        row.set("interfaces", Ovsdb.namedUuid(ifaceUuidName));
        return row;
    }
}
