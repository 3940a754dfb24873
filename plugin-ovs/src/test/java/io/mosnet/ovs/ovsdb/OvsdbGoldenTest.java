package io.mosnet.ovs.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.api.net.MacAddress;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class OvsdbGoldenTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MacAddress NIC = MacAddress.parse("be:7d:42:67:02:4c");

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = OvsdbGoldenTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return MAPPER.readTree(in);
        }
    }

    /** The JSON text sent to ovsdb-server (compact), which is what must match; node classes (int/long) may differ. */
    private static String params(List<ObjectNode> ops) {
        return OvsdbClient.transactParams(ops).toString();
    }

    @Test
    void createBridgeTransactionMatchesGolden() throws IOException {
        assertEquals(resource("create-bridge.json").toString(),
                params(BridgeTransactions.createBridge("mos", "eth0", NIC, "netdev")));
    }

    @Test
    void vlanBridgeTagsTheInternalPortAndRequestsItsMtu() throws IOException {
        List<ObjectNode> ops = BridgeTransactions.createBridge("mos", "eth0", NIC, "netdev", 4000, 1400);
        assertEquals(MAPPER.readTree("""
                {"op":"insert","table":"Interface","row":{"name":"mos","type":"internal","mtu_request":1400},
                 "uuid-name":"iface_local"}"""), ops.get(1));
        assertEquals(MAPPER.readTree("""
                {"op":"insert","table":"Port","row":{"name":"mos","interfaces":["named-uuid","iface_local"],"tag":4000},
                 "uuid-name":"port_local"}"""), ops.get(2));
        assertEquals(MAPPER.readTree("""
                {"op":"insert","table":"Port","row":{"name":"eth0","interfaces":["named-uuid","iface_uplink"]},
                 "uuid-name":"port_uplink"}"""), ops.get(4), "the uplink stays a trunk: no tag, no trunks");
    }

    @Test
    void settingAndClearingTheAccessVlan() throws IOException {
        String uuid = "7729ddc1-8819-4571-a476-1b439beafdf0";
        assertEquals(MAPPER.readTree("""
                {"op":"update","table":"Port","where":[["_uuid","==",["uuid","7729ddc1-8819-4571-a476-1b439beafdf0"]]],
                 "row":{"tag":4000}}"""), BridgeTransactions.setAccessVlan(uuid, 4000).get(0));
        assertEquals(MAPPER.readTree("""
                {"op":"update","table":"Port","where":[["_uuid","==",["uuid","7729ddc1-8819-4571-a476-1b439beafdf0"]]],
                 "row":{"tag":["set",[]]}}"""), BridgeTransactions.setAccessVlan(uuid, 0).get(0));
        assertEquals(MAPPER.readTree("""
                {"op":"update","table":"Interface","where":[["_uuid","==",["uuid","7729ddc1-8819-4571-a476-1b439beafdf0"]]],
                 "row":{"mtu_request":1400}}"""), BridgeTransactions.setMtuRequest(uuid, 1400).get(0));
    }

    @Test
    void addPortTransactionMatchesGolden() throws IOException {
        assertEquals(resource("add-port.json").toString(),
                params(BridgeTransactions.addPort("7729ddc1-8819-4571-a476-1b439beafdf0", "eth0", null)));
    }

    @Test
    void convergeTransactionMatchesGolden() throws IOException {
        assertEquals(resource("converge.json").toString(),
                params(BridgeTransactions.converge("7729ddc1-8819-4571-a476-1b439beafdf0", NIC, "netdev")));
    }

    @Test
    void awaitAppliedWaitsForCurCfg() throws IOException {
        assertEquals(MAPPER.readTree("""
                ["Open_vSwitch",{"op":"wait","timeout":5000,"table":"Open_vSwitch","where":[],"columns":["cur_cfg"],
                 "until":"==","rows":[{"cur_cfg":7}]}]""").toString(), params(BridgeTransactions.awaitApplied(7, 5000)));
    }

    @Test
    void readsNextCfgFromTheTrailingSelect() throws IOException {
        JsonNode result = MAPPER.readTree("[{\"uuid\":[\"uuid\",\"x\"]},{\"count\":1},{\"rows\":[{\"next_cfg\":12}]}]");
        List<JsonNode> rs = List.of(result.get(0), result.get(1), result.get(2));
        assertEquals(12, BridgeTransactions.nextCfgOf(rs));
    }

    @Test
    void reportsOperationErrorWithOvsdbText() throws IOException {
        JsonNode reply = resource("constraint-violation-reply-ovs-3.1.0.json");
        List<ObjectNode> ops = BridgeTransactions.createBridge("mos", "eth0", NIC, "netdev").subList(0, 3);
        OvsdbException e = assertThrows(OvsdbException.class,
                () -> OvsdbClient.checkTransactResult("Bridge mos", ops, reply.get("result")));
        assertTrue(e.getMessage().startsWith("OVSDB transact on Bridge mos: constraint violation: Transaction causes "
                + "multiple rows in \"Bridge\" table"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(operation 2, insert Port)"), e.getMessage());
    }

    @Test
    void parsesStateCapturedFromOvsdbServer() throws IOException {
        JsonNode reply = resource("select-reply-ovs-3.1.0.json");
        List<JsonNode> results = List.of(reply.get("result").get(0), reply.get("result").get(1),
                reply.get("result").get(2), reply.get("result").get(3));
        OvsdbState state = OvsdbState.fromResults(results);
        OvsdbState.Bridge mos = state.bridge("mos").orElseThrow();
        assertEquals("secure", mos.failMode());
        assertEquals("netdev", mos.datapathType());
        assertEquals(List.of("eth0", "mos"), mos.ports().stream().map(OvsdbState.Port::name).toList());
        OvsdbState.Interface eth0 = mos.port("eth0").orElseThrow().interfaces().get(0);
        assertEquals(1L, eth0.ofport());
        assertEquals("be:7d:42:67:02:4c", eth0.macInUse());
        assertEquals(null, eth0.error());
        assertEquals("internal", mos.port("mos").orElseThrow().interfaces().get(0).type());
        assertEquals("mos", state.bridgeWithPort("eth0").orElseThrow().name());
        assertEquals(null, state.ovsVersion());
        assertEquals(1L, state.curCfg());
    }
}
