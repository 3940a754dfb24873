package io.mosnet.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written state JSON must stay byte for byte what Jackson, which reads it back, would have written. */
class StateJsonWriterTest {

    private static final ObjectMapper JACKSON = StateJson.mapper();

    private static void assertSameAsJackson(DaemonState state) throws Exception {
        assertEquals(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(state), StateJsonWriter.write(state));
    }

    @Test
    void aRunningDhcpHostWithLeaseRoutesAndFirewall() throws Exception {
        assertSameAsJackson(StateStoreTest.sample());
    }

    @Test
    void aFreshStateWithNullsAndEmptyCollections() throws Exception {
        assertSameAsJackson(new DaemonState(DaemonState.SCHEMA_VERSION, "static", "starting", null, "mos", null, null,
                List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), null, null, List.of(), List.of(),
                Map.of(), Instant.parse("2026-11-24T23:27:03.950030774Z"), null, null, List.of()));
    }

    @Test
    void escapesNestedMapsNumbersAndSeveralUplinks() throws Exception {
        Instant t = Instant.parse("2026-01-02T03:04:05.600Z");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", List.of(1, 2L, 3.5, true, "x\"y\\z"));
        nested.put("alpha", Map.of("b", List.of(), "a", Map.of()));
        nested.put("when", t);
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("ovs_version", "3.1.0");
        backend.put("bridges", List.of(Map.of("name", "mos", "ports", List.of("eth0", "vnet0"))));
        backend.put("note", "tab\there, newline\nthere, bell\u0007, é and ✓");
        LeaseState v6 = new LeaseState("dhcpv6", "BOUND", "eth0", "2001:db8::5/128", null, "fe80::1", List.of(),
                List.of(), List.of(), 0, t, t.plusSeconds(3600), null, t.plusSeconds(7200), null);
        assertSameAsJackson(new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos",
                "ovs", List.of("10.0.0.5/24", "2001:db8::5/128"),
                List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false),
                        new RouteState("10.9.0.0/16", null, "mos", true)),
                List.of("10.0.0.1"), List.of("lab", "example.org"),
                Map.of("dhcpv6", v6, "dhcpv4", StateStoreTest.sample().leases().get("dhcpv4")),
                List.of("2001:db8:1::/56"), nested, Map.of("masquerade", "mos", "forwards", List.of()),
                List.of(new PluginInfo("ovs", "bridge", "0.1.0", "plugins/plugin-ovs.jar")),
                List.of("no carrier on uplink eth1"), backend, t, t.plusSeconds(1), "dual-nic",
                List.of(new UplinkState("mos", "eth0", "dhcp", 0, true, List.of("10.0.0.5/24")),
                        new UplinkState("mos1", "eth1", "static", 4000, false, List.of()))));
    }
}
