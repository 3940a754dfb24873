package io.mosnet.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.state.StateJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrettyJsonTest {

    final ObjectMapper jackson = StateJson.mapper();

    String viaJackson(String json) throws Exception {
        return jackson.writerWithDefaultPrettyPrinter().writeValueAsString(jackson.readTree(json));
    }

    String viaPlain(String json) throws Exception {
        return PrettyJson.write(PlainJson.parse(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "{\"a\":{}}", "{\"a\":[]}", "[[],[1,[2,{}]],{}]", "null", "true", "\"x\"",
            "{\"a\":1,\"b\":[1,2,3],\"c\":{\"d\":[{\"e\":null,\"f\":false},{\"g\":\"h\"}]}}",
            "[{\"a\":[{\"b\":{\"c\":1}}]}]", "{\"n\":[-0.5,1e3,1.5E-7,12345678901234567890,-7]}", "[-0,0,-0.0,1.0,0.1e1,2E+2,123.456e-2]",
            "{\"s\":\"quote \\\" back \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f ctl \\u0001 \\u001f del \\u007f\"}",
            "{\"u\":\"caf\\u00e9 \\u2028 snow \\u2603 \\ud83d\\ude00 raw \u00e9\"}", "{\"dup\":1,\"x\":2,\"dup\":3}",
            " { \"spaced\" : [ 1 , 2 ] } "})
    void printsWhatJacksonPrettyPrints(String json) throws Exception {
        assertEquals(viaJackson(json), viaPlain(json));
    }

    @Test
    void printsDaemonStateAsTheJacksonPath() throws Exception {
        Instant t = Instant.parse("2026-03-01T10:00:00.123456789Z");
        DaemonState state = new DaemonState(1, "dhcp", "running", "eth0", "mos", "mos", "ovs", List.of("10.0.0.5/24"),
                List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", true)), List.of(), List.of("lab"),
                Map.of("dhcpv4", new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", null, "10.0.0.1",
                        List.of(), List.of(), List.of(), 0, t, t, t, t, "01")),
                List.of(), Map.of("policy", "drop", "ports", List.of(22, 80)), null,
                List.of(new PluginInfo("ovs", "bridge", "1", "builtin")), List.of("no carrier"),
                Map.of("dpid", 1.5, "ofport", 3), t, t, "dual-nic",
                List.of(new UplinkState("mos", "eth0", "dhcp", 0, true, List.of()),
                        new UplinkState("mos1", "eth1", "static", 7, false, List.of("192.0.2.2/24"))));
        assertEquals(viaJackson(jackson.writeValueAsString(state)), viaPlain(jackson.writeValueAsString(state)));
    }
}
