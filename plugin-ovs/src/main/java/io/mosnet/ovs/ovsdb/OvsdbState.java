package io.mosnet.ovs.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ovsdb-server holds about bridges, ports and interfaces, read in one transaction of selects. Backs both the
 * adoption decision of {@code attach} and the {@code mosnet ovs} view.
 */
public record OvsdbState(String ovsVersion, long nextCfg, long curCfg, List<Bridge> bridges) {

    public OvsdbState {
        bridges = List.copyOf(bridges);
    }

    public record Bridge(String uuid, String name, String failMode, String datapathType, Map<String, String> otherConfig,
                         Map<String, String> externalIds, List<Port> ports) {
        public Bridge {
            otherConfig = Map.copyOf(otherConfig);
            externalIds = Map.copyOf(externalIds);
            ports = List.copyOf(ports);
        }

        public Optional<Port> port(String name) {
            return ports.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    /**
     * @param tag    the VLAN of an access port, null for a trunk
     * @param trunks the VLANs a trunk carries; empty: every VLAN
     */
    public record Port(String uuid, String name, List<Interface> interfaces, Integer tag, List<Integer> trunks) {
        public Port {
            interfaces = List.copyOf(interfaces);
            trunks = List.copyOf(trunks);
        }
    }

    /**
     * {@code ofport} is null until vswitchd has added it and -1 when it failed ({@code error} says why);
     * {@code mtuRequest} is null when none was asked for.
     */
    public record Interface(String uuid, String name, String type, Long ofport, String macInUse, String error,
                            Map<String, String> externalIds, Integer mtuRequest) {
        public Interface {
            externalIds = Map.copyOf(externalIds);
        }
    }

    public Optional<Bridge> bridge(String name) {
        return bridges.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The bridge that has a port named {@code port}, if any. */
    public Optional<Bridge> bridgeWithPort(String port) {
        return bridges.stream().filter(b -> b.port(port).isPresent()).findFirst();
    }

    static final List<String> BRIDGE_COLUMNS = List.of("_uuid", "name", "ports", "fail_mode", "datapath_type",
            "other_config", "external_ids");
    static final List<String> PORT_COLUMNS = List.of("_uuid", "name", "interfaces", "tag", "trunks");
    static final List<String> INTERFACE_COLUMNS = List.of("_uuid", "name", "type", "ofport", "mac_in_use", "error",
            "external_ids", "mtu_request");
    static final List<String> ROOT_COLUMNS = List.of("ovs_version", "next_cfg", "cur_cfg");

    /** The select operations {@link #read} sends (RFC 7047 section 5.2.2). */
    static List<ObjectNode> selects() {
        return List.of(
                Ovsdb.select("Open_vSwitch", Ovsdb.all(), ROOT_COLUMNS),
                Ovsdb.select("Bridge", Ovsdb.all(), BRIDGE_COLUMNS),
                Ovsdb.select("Port", Ovsdb.all(), PORT_COLUMNS),
                Ovsdb.select("Interface", Ovsdb.all(), INTERFACE_COLUMNS));
    }

    public static OvsdbState read(OvsdbClient client) {
        return fromResults(client.transact("Open_vSwitch (read state)", selects()));
    }

    static OvsdbState fromResults(List<JsonNode> results) {
        JsonNode rootRows = results.get(0).path("rows");
        if (rootRows.size() != 1) {
            throw new OvsdbException("OVSDB Open_vSwitch table has " + rootRows.size()
                    + " rows, expected 1 (was the database initialised with ovs-vsctl init?)");
        }
        JsonNode root = rootRows.get(0);
        Map<String, Interface> interfaces = new HashMap<>();
        for (JsonNode r : results.get(3).path("rows")) {
            Interface i = new Interface(Ovsdb.uuidOf(r.get("_uuid")), r.path("name").asText(), r.path("type").asText(),
                    Ovsdb.optionalLong(r.get("ofport")), Ovsdb.optionalText(r.get("mac_in_use")),
                    Ovsdb.optionalText(r.get("error")), Ovsdb.mapOf(r.get("external_ids")),
                    optionalInt(r.get("mtu_request")));
            interfaces.put(i.uuid(), i);
        }
        Map<String, Port> ports = new HashMap<>();
        for (JsonNode r : results.get(2).path("rows")) {
            List<Interface> ifs = new ArrayList<>();
            for (JsonNode u : Ovsdb.setOf(r.get("interfaces"))) {
                Interface i = interfaces.get(Ovsdb.uuidOf(u));
                if (i != null) {
                    ifs.add(i);
                }
            }
            List<Integer> trunks = Ovsdb.setOf(r.get("trunks")).stream().filter(JsonNode::isNumber)
                    .map(JsonNode::asInt).sorted().toList();
            Port p = new Port(Ovsdb.uuidOf(r.get("_uuid")), r.path("name").asText(), ifs, optionalInt(r.get("tag")),
                    trunks);
            ports.put(p.uuid(), p);
        }
        List<Bridge> bridges = new ArrayList<>();
        for (JsonNode r : results.get(1).path("rows")) {
            List<Port> ps = new ArrayList<>();
            for (JsonNode u : Ovsdb.setOf(r.get("ports"))) {
                Port p = ports.get(Ovsdb.uuidOf(u));
                if (p != null) {
                    ps.add(p);
                }
            }
            ps.sort(java.util.Comparator.comparing(Port::name));
            bridges.add(new Bridge(Ovsdb.uuidOf(r.get("_uuid")), r.path("name").asText(),
                    Ovsdb.optionalText(r.get("fail_mode")), r.path("datapath_type").asText(),
                    Ovsdb.mapOf(r.get("other_config")), Ovsdb.mapOf(r.get("external_ids")), ps));
        }
        bridges.sort(java.util.Comparator.comparing(Bridge::name));
        return new OvsdbState(Ovsdb.optionalText(root.get("ovs_version")), root.path("next_cfg").asLong(),
                root.path("cur_cfg").asLong(), bridges);
    }

    private static Integer optionalInt(JsonNode value) {
        Long v = Ovsdb.optionalLong(value);
        return v == null ? null : v.intValue();
    }

    /** JSON-friendly view for {@code mosnet ovs}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ovs_version", ovsVersion);
        m.put("next_cfg", nextCfg);
        m.put("cur_cfg", curCfg);
        List<Object> bs = new ArrayList<>();
        for (Bridge b : bridges) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("name", b.name());
            bm.put("uuid", b.uuid());
            bm.put("fail_mode", b.failMode());
            bm.put("datapath_type", b.datapathType());
            bm.put("other_config", b.otherConfig());
            bm.put("external_ids", b.externalIds());
            List<Object> ps = new ArrayList<>();
            for (Port p : b.ports()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                if (p.tag() != null) {
                    pm.put("tag", p.tag());
                }
                if (!p.trunks().isEmpty()) {
                    pm.put("trunks", p.trunks());
                }
                List<Object> is = new ArrayList<>();
                for (Interface i : p.interfaces()) {
                    Map<String, Object> im = new LinkedHashMap<>();
                    im.put("name", i.name());
                    im.put("type", i.type().isEmpty() ? "system" : i.type());
                    im.put("ofport", i.ofport());
                    im.put("mac_in_use", i.macInUse());
                    if (i.mtuRequest() != null) {
                        im.put("mtu_request", i.mtuRequest());
                    }
                    if (i.error() != null) {
                        im.put("error", i.error());
                    }
                    if (!i.externalIds().isEmpty()) {
                        im.put("external_ids", i.externalIds());
                    }
                    is.add(im);
                }
                pm.put("interfaces", is);
                ps.add(pm);
            }
            bm.put("ports", ps);
            bs.add(bm);
        }
        m.put("bridges", bs);
        return m;
    }
}
