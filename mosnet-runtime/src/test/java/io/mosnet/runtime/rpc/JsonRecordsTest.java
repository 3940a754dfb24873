package io.mosnet.runtime.rpc;

import static io.mosnet.runtime.rpc.JsonTreeTest.T;
import static io.mosnet.runtime.rpc.JsonTreeTest.lease;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.state.BridgePortState;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.DelegatedPrefix;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.HealthReport;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.OvsPortState;
import io.mosnet.api.state.OvsReport;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.PrefixReport;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import io.mosnet.runtime.state.StateJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each of the CLI's result types, written by the daemon and read back without Jackson, binds as Jackson binds it. */
class JsonRecordsTest {

    static final ObjectMapper JACKSON = StateJson.mapper();

    /** The daemon's JSON of {@code value}, read back both ways. */
    static <T> void assertBindsAsJackson(T value, Class<T> type) throws Exception {
        String wire = CompactJson.write(JsonTree.of(value));
        T jackson = JACKSON.readValue(wire, type);
        assertEquals(jackson, JsonRecords.bind(PlainJson.parse(wire), type));
        assertEquals(value, jackson);
    }

    static <T> void assertBindsListAsJackson(List<T> value, Class<T> element) throws Exception {
        String wire = CompactJson.write(JsonTree.of(value));
        List<T> jackson = JACKSON.readValue(wire,
                JACKSON.getTypeFactory().constructCollectionType(List.class, element));
        assertEquals(jackson, JsonRecords.bindList(PlainJson.parse(wire), element));
        assertEquals(value, jackson);
    }

    @Test
    void everyResultTheCliBinds() throws Exception {
        assertBindsListAsJackson(List.of(lease(), new LeaseState("dhcpv6", "BOUND", "eth0", null, null, null,
                List.of(), List.of(), List.of(), 0, null, null, null, null, null)), LeaseState.class);
        assertBindsListAsJackson(List.of(new PluginInfo("ovs", "bridge", "0.1.0", "plugins/plugin-ovs.jar")),
                PluginInfo.class);
        assertBindsAsJackson(new FirewallReport(List.of(new FirewallReport.Table("inet", "mosnet",
                List.of(new FirewallReport.Chain("input", "filter", "input", 0, "drop",
                                List.of(new FirewallReport.Rule(4, "tcp dport 22 accept", 12, 7_000_000_000L))),
                        new FirewallReport.Chain("fwd", null, null, null, null, List.of())),
                List.of(new FirewallReport.Counter("mosnet", "dropped", 3, 180))))), FirewallReport.class);
        assertBindsAsJackson(new BridgeReport("mos", "linux", "02:00:00:00:00:01", 1500, true,
                List.of(new BridgePortState("eth0", "uplink", "52:54:00:12:34:56", true, false, "uplink"))),
                BridgeReport.class);
        assertBindsAsJackson(new VlanReport(true, List.of(new VlanMembership("eth0", 42, true, false))),
                VlanReport.class);
        assertBindsAsJackson(new OvsReport("mos", "3.1.0", "netdev", "secure", List.of("tcp:127.0.0.1:6653"),
                List.of(new OvsPortState("eth0", 1, "", null, List.of()),
                        new OvsPortState("vnet0", 2, "internal", 42, List.of(1, 2)))), OvsReport.class);
        assertBindsListAsJackson(List.of(new FlowEntry(0, 100, "arp,arp_tpa=10.0.0.5", "CONTROLLER:65535", 3, 180,
                "0x4d4f53")), FlowEntry.class);
        assertBindsAsJackson(new PrefixReport(List.of(new DelegatedPrefix("2001:db8:1::/56", "2001:db8:1::/64",
                "fe80::1", T, null))), PrefixReport.class);
        assertBindsAsJackson(HealthReport.of(List.of("no carrier on eth0"), "running", T), HealthReport.class);
        Map<String, Object> firewall = new LinkedHashMap<>();
        firewall.put("policy", "drop");
        firewall.put("open", List.of("22/tcp", 443, 5_000_000_000L, 2.5, true));
        firewall.put("nothing", null);
        assertBindsAsJackson(new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos",
                "linux", List.of("10.0.0.5/24"), List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false)),
                List.of("10.0.0.1"), List.of("lab"), Map.of("dhcpv4", lease()), List.of("2001:db8::/56"), firewall,
                Map.of("zeta", 1, "alpha", Map.of("b", 2)), List.of(new PluginInfo("linux", "bridge", "0.1.0", "x")),
                List.of("no carrier on eth1"), null, T, T.plusSeconds(5), "dual-nic",
                List.of(new UplinkState("mos1", "eth1", "static", 4000, false, List.of()))), DaemonState.class);
    }

    @Test
    void missingAndNullMembersAndUnknownOnesAsJackson() throws Exception {
        String wire = "{\"id\":\"x\",\"version\":null,\"unknown\":[1,{\"a\":2}]}";
        assertEquals(JACKSON.readValue(wire, PluginInfo.class), JsonRecords.bind(PlainJson.parse(wire),
                PluginInfo.class));
        String rule = "{\"text\":\"accept\",\"packets\":null}";
        assertEquals(JACKSON.readValue(rule, FirewallReport.Rule.class),
                JsonRecords.bind(PlainJson.parse(rule), FirewallReport.Rule.class));
    }

    @Test
    void saysWhereTheAnswerDoesNotFit() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonRecords.bind(
                PlainJson.parse("{\"tables\":[{\"family\":\"inet\",\"chains\":[{\"rules\":[{\"handle\":\"x\"}]}]}]}"),
                FirewallReport.class));
        assertEquals("cannot bind FirewallReport.tables[0].chains[0].rules[0].handle: expected a whole number in "
                + "range, found \"x\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> JsonRecords.bindList(PlainJson.parse("{\"a\":1}"), PluginInfo.class));
        assertEquals("cannot bind the result: expected a list of PluginInfo, found an object", e.getMessage());
    }
}
