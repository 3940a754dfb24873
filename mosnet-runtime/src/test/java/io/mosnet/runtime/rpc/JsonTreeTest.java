package io.mosnet.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.PortForward;
import io.mosnet.api.config.PortRule;
import io.mosnet.api.config.SecondaryUplink;
import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.config.VlanSpec;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.state.BridgePortState;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.ConfigReport;
import io.mosnet.api.state.ConntrackEntry;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.DatapathFlow;
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
import io.mosnet.api.state.VerifyDifference;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import io.mosnet.runtime.state.StateJson;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API's JSON is what Jackson (StateJson's configuration) wrote before the daemon stopped using it: every result
 * type of {@link DaemonMethods}, filled in, gives the same bytes both ways.
 */
class JsonTreeTest {

    static final ObjectMapper JACKSON = StateJson.mapper();
    static final Instant T = Instant.parse("2026-03-01T10:00:00.123456789Z");

    static void assertSameAsJackson(Object value) throws Exception {
        assertEquals(JACKSON.writeValueAsString(value), CompactJson.write(JsonTree.of(value)));
        assertEquals(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(value),
                PrettyJson.write(JsonTree.of(value)));
    }

    static LeaseState lease() {
        return new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", "10.0.0.1", "10.0.0.1", List.of("10.0.0.1"),
                List.of("lab"), List.of("10.9.0.0/16 via 10.0.0.254"), 1500, T, T.plusSeconds(1800), null,
                T.plusSeconds(3600), "01:02:00:00:00:00:01");
    }

    @Test
    void status() throws Exception {
        Map<String, Object> firewall = new LinkedHashMap<>();
        firewall.put("policy", "drop");
        firewall.put("open", List.of("22/tcp", 443, 2.5, Double.NaN, true));
        firewall.put("nothing", null);
        assertSameAsJackson(new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos",
                "linux", List.of("10.0.0.5/24"), List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false)),
                List.of("10.0.0.1"), List.of("lab"), Map.of("dhcpv4", lease(), "dhcpv6", lease()),
                List.of("2001:db8::/56"), firewall, Map.of("zeta", 1L, "alpha", Map.of("b", 2, "a", 1)),
                List.of(new PluginInfo("linuxbridge", "bridge", "0.1.0", "builtin")), List.of("no carrier on eth1"),
                null, T, T.plusSeconds(5), "dual-nic",
                List.of(new UplinkState("mos1", "eth1", "static", 4000, false, List.of()))));
    }

    @Test
    void configWithEverySetting() throws Exception {
        StaticIpv4 v4 = new StaticIpv4((Inet4Address) InetAddress.getByName("192.0.2.2"),
                (Inet4Address) InetAddress.getByName("192.0.2.1"), 32, "eth0");
        StaticIpv6 v6 = new StaticIpv6((Inet6Address) InetAddress.getByName("2001:db8::2"), 128,
                (Inet6Address) InetAddress.getByName("fe80::1"), null);
        Map<String, Map<String, Object>> plugins = Map.of("ovs", Map.of("datapath", "netdev", "flows", 3),
                "dhcp", Map.of());
        MosnetConfig config = new MosnetConfig(v4, v6,
                new DhcpSettings(Duration.ofMillis(2500), true, false, true, "host1", true, true, false),
                new FirewallSpec(FirewallSpec.Policy.DROP, List.of(new PortRule("ssh", 22, TransportProtocol.TCP))),
                new NatSpec(NatSpec.Masquerade.INTERFACE, "eth0", List.of(new PortForward(8080,
                        (Inet4Address) InetAddress.getByName("10.0.0.9"), 80, TransportProtocol.UDP))),
                "mos", "mos", "vlan", List.of("eth0", "eth1"), plugins, new VlanSpec(42, 1400),
                new SecondaryUplink("eth1", v4, null));
        assertSameAsJackson(new ConfigReport("mosip4=192.0.2.2", Map.of("mosip4", "192.0.2.2", "mosbridge", "mos"),
                "/etc/mosnet.toml", config));
        assertSameAsJackson(new ConfigReport("", Map.of(), null, MosnetConfig.defaults()));
    }

    @Test
    void leasesPrefixesHealthAndPlugins() throws Exception {
        assertSameAsJackson(List.of(lease()));
        assertSameAsJackson(new PrefixReport(List.of(new DelegatedPrefix("2001:db8:1::/56", "2001:db8:1::/64",
                "fe80::1", T, null))));
        assertSameAsJackson(HealthReport.of(List.of("no carrier on eth0", "lease expires soon"), "running", T));
        assertSameAsJackson(List.of(new PluginInfo("ovs", "bridge", "0.1.0", "plugins/plugin-ovs.jar")));
    }

    @Test
    void firewallBridgeAndVlan() throws Exception {
        assertSameAsJackson(new FirewallReport(List.of(new FirewallReport.Table("inet", "mosnet",
                List.of(new FirewallReport.Chain("input", "filter", "input", 0, "drop",
                                List.of(new FirewallReport.Rule(4, "tcp dport 22 accept", 12, 720))),
                        new FirewallReport.Chain("fwd", null, null, null, null, List.of())),
                List.of(new FirewallReport.Counter("mosnet", "dropped", 3, 180))))));
        assertSameAsJackson(new BridgeReport("mos", "linux", "02:00:00:00:00:01", 1500, true,
                List.of(new BridgePortState("eth0", "uplink", "52:54:00:12:34:56", true, false, "uplink"))));
        assertSameAsJackson(new VlanReport(true, List.of(new VlanMembership("eth0", 42, true, false))));
    }

    @Test
    void ovsFlowsConntrackAndVerify() throws Exception {
        assertSameAsJackson(new OvsReport("mos", "3.1.0", "netdev", "secure", List.of("tcp:127.0.0.1:6653"),
                List.of(new OvsPortState("eth0", 1, "", null, List.of()),
                        new OvsPortState("vnet0", 2, "internal", 42, List.of(1, 2)))));
        assertSameAsJackson(List.of(new FlowEntry(0, 100, "arp,arp_tpa=10.0.0.5", "CONTROLLER:65535", 3, 180,
                "0x4d4f53")));
        assertSameAsJackson(List.of(new DatapathFlow("in_port(1)", "2", 1, 60, "0.512s")));
        assertSameAsJackson(new ConntrackReport(List.of(new ConntrackEntry("tcp", 0, "src=10.0.0.9 dst=1.1.1.1",
                "src=1.1.1.1 dst=10.0.0.5", "ESTABLISHED")), Map.of("total", 1L, "dropped", 0L)));
        assertSameAsJackson(new ConntrackFlushResult(null, 12));
        assertSameAsJackson(new VerifyReport(List.of(VerifyDifference.missing("nft", "table inet mosnet")),
                List.of("nft-table"), List.of("ovs-flows")));
    }

    @Test
    void theOpenRpcDocument() throws Exception {
        assertSameAsJackson(DaemonMethods.registry(new FakeDaemonView(), "0.1.0").openRpcDocument());
    }

    @Test
    void scalarsAsJacksonWritesThem() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("float", 1.25f);
        m.put("infinite", Double.NEGATIVE_INFINITY);
        m.put("big", new java.math.BigDecimal("1E+3"));
        m.put("bytes", new byte[] {1, 2, 3});
        m.put("ints", new int[] {1, 2});
        m.put("strings", new String[] {"a\u0001", "é"});
        m.put("named", InetAddress.getByAddress("gw", new byte[] {10, 0, 0, 1}));
        m.put("duration", Duration.ofMinutes(90));
        m.put("char", 'x');
        m.put("enum", TransportProtocol.UDP);
        m.put("enumKeys", Map.of(TransportProtocol.UDP, 1, TransportProtocol.TCP, 2));
        m.put("intKeys", Map.of(10, "ten", 2, "two"));
        assertSameAsJackson(m);
    }

    @Test
    void saysWhichComponentFailed() {
        record Broken(String secret) {
            @Override
            public String secret() {
                throw new IllegalStateException("not readable");
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonTree.of(List.of(new Broken("x"))));
        assertEquals(Broken.class.getName() + ".secret threw java.lang.IllegalStateException: not readable",
                e.getMessage());
    }

    @Test
    void arraysOfNumbersKeepTheirOrder() {
        assertEquals("[3,1,2]", CompactJson.write(JsonTree.of(Arrays.asList(3, 1, 2))));
    }
}
