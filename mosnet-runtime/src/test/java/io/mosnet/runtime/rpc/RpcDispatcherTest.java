package io.mosnet.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.runtime.state.StateJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RpcDispatcherTest {

    final ObjectMapper json = StateJson.mapper();
    final FakeDaemonView view = new FakeDaemonView();
    final RpcRegistry registry = DaemonMethods.registry(view, "0.1.0");
    final RpcDispatcher dispatcher = new RpcDispatcher(registry);
    static final Caller NOBODY = new Caller("nobody", "nogroup", false);

    JsonNode call(String message, Caller caller) throws Exception {
        return json.readTree(dispatcher.dispatch(message, caller).orElseThrow());
    }

    JsonNode call(String message) throws Exception {
        return call(message, Caller.ROOT);
    }

    @Test
    void answersValidCallWithResultAndSameId() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":\"status\",\"id\":\"a1\"}");
        assertEquals("2.0", r.get("jsonrpc").asText());
        assertEquals("a1", r.get("id").asText());
        assertEquals("mos", r.at("/result/bridge").asText());
        assertEquals("2026-03-01T10:00:00Z", r.at("/result/startedAt").asText());
        assertTrue(r.get("error") == null);
    }

    @Test
    void answersParseErrorWithNullId() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":");
        assertEquals(RpcException.PARSE_ERROR, r.at("/error/code").asInt());
        assertTrue(r.get("id").isNull());
    }

    @Test
    void rejectsRequestsThatAreNotJsonRpc() throws Exception {
        assertEquals(-32600, call("{\"method\":\"status\",\"id\":1}").at("/error/code").asInt());
        assertEquals(-32600, call("{\"jsonrpc\":\"1.0\",\"method\":\"status\",\"id\":1}").at("/error/code").asInt());
        assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"method\":7,\"id\":1}").at("/error/code").asInt());
        assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"method\":\"status\",\"id\":{}}").at("/error/code").asInt());
        assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"method\":\"status\",\"params\":3,\"id\":1}")
                .at("/error/code").asInt());
        assertEquals(-32600, call("42").at("/error/code").asInt());
        assertEquals(-32600, call("[]").at("/error/code").asInt());
    }

    @Test
    void answersUnknownMethodWithMethodNotFound() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":\"reboot\",\"id\":5}");
        assertEquals(RpcException.METHOD_NOT_FOUND, r.at("/error/code").asInt());
        assertEquals("method not found: reboot", r.at("/error/message").asText());
        assertEquals(5, r.get("id").asInt());
    }

    @Test
    void checksParamsAgainstSchema() throws Exception {
        String prefix = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"conntrack\",\"params\":";
        assertEquals(-32602, call(prefix + "{\"zone\":\"one\"}}").at("/error/code").asInt());
        assertEquals(-32602, call(prefix + "{\"zone\":70000}}").at("/error/code").asInt());
        assertEquals(-32602, call(prefix + "{\"colour\":1}}").at("/error/code").asInt());
        assertEquals(-32602, call(prefix + "[1,true,3]}").at("/error/code").asInt());
        assertEquals("conntrack: parameter 'zone' must be integer 0-65535, got \"one\"",
                call(prefix + "{\"zone\":\"one\"}}").at("/error/message").asText());
        assertEquals(0, call(prefix + "[7,true]}").at("/result/stats/total").asInt());
        assertTrue(call(prefix + "{\"zone\":7}}").at("/result/stats").isEmpty());
    }

    @Test
    void refusesMutatingMethodToNonRoot() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":\"conntrack.flush\",\"id\":1}", NOBODY);
        assertEquals(RpcException.PERMISSION_DENIED, r.at("/error/code").asInt());
        assertEquals("conntrack.flush changes the system and needs root; caller is nobody",
                r.at("/error/message").asText());
        assertEquals(0, view.flushes.get());
        // Reading is fine for anyone.
        assertEquals("running", call("{\"jsonrpc\":\"2.0\",\"method\":\"status\",\"id\":2}", NOBODY)
                .at("/result/phase").asText());
    }

    @Test
    void letsRootCallMutatingMethod() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":\"conntrack.flush\",\"params\":{\"zone\":3},\"id\":1}");
        assertEquals(3, r.at("/result/zone").asInt());
        assertEquals(1, view.flushes.get());
    }

    @Test
    void passesUnavailableFeatureCodeThrough() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":\"ovs\",\"id\":1}");
        assertEquals(RpcException.UNAVAILABLE, r.at("/error/code").asInt());
        assertEquals("ovs: the bridge backend is linux", r.at("/error/message").asText());
    }

    @Test
    void reportsHandlerFailureAsInternalError() throws Exception {
        RpcRegistry r = new RpcRegistry("t", "1");
        r.register(RpcMethod.view("boom", "fails", String.class, (p, c) -> {
            throw new IllegalStateException("netlink socket closed");
        }));
        JsonNode reply = json.readTree(new RpcDispatcher(r)
                .dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"boom\",\"id\":1}", Caller.ROOT).orElseThrow());
        assertEquals(RpcException.INTERNAL_ERROR, reply.at("/error/code").asInt());
        assertEquals("boom: netlink socket closed", reply.at("/error/message").asText());
    }

    @Test
    void sendsNothingForNotifications() {
        assertEquals(Optional.empty(), dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"status\"}", Caller.ROOT));
        assertEquals(Optional.empty(), dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}", Caller.ROOT));
    }

    @Test
    void answersBatchElementByElement() throws Exception {
        JsonNode r = call("[{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"status\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":2}, 5]");
        assertEquals(3, r.size());
        assertEquals("healthy", r.at("/0/result/status").asText());
        assertEquals(-32601, r.at("/1/error/code").asInt());
        assertEquals(-32600, r.at("/2/error/code").asInt());
    }

    @Test
    void refusesDuplicateMethodNames() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> registry.register(RpcMethod.view("status", "again", String.class, (p, c) -> "x")));
        assertEquals("RPC method 'status' is registered twice", e.getMessage());
    }

    @Test
    void discoverDescribesEveryRegisteredMethod() throws Exception {
        JsonNode doc = call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}").get("result");
        assertEquals("1.2.6", doc.get("openrpc").asText());
        List<String> names = new java.util.ArrayList<>();
        doc.get("methods").forEach(m -> names.add(m.get("name").asText()));
        assertEquals(registry.methods().stream().map(RpcMethod::name).toList(), names);
        assertTrue(names.containsAll(List.of("rpc.discover", "status", "config", "lease", "prefix", "health",
                "plugins", "firewall", "bridge", "vlan", "ovs", "flows", "datapath", "conntrack", "conntrack.flush",
                "verify")));
        JsonNode flush = doc.get("methods").get(names.indexOf("conntrack.flush"));
        assertTrue(flush.get("x-mutating").asBoolean());
        assertEquals("zone", flush.at("/params/0/name").asText());
        JsonNode status = doc.get("methods").get(names.indexOf("status"));
        assertEquals("date-time", status.at("/result/schema/properties/startedAt/format").asText());
        assertEquals("array", status.at("/result/schema/properties/routes/type").asText());
        assertEquals("string", status.at("/result/schema/properties/routes/items/properties/gateway/type").asText());
        JsonNode lease = doc.get("methods").get(names.indexOf("lease"));
        assertEquals("LeaseState", lease.at("/result/schema/items/title").asText());
    }

    @Test
    void refusesIntegersBeyondRangeWithoutFailing() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"conntrack\",\"params\":"
                + "{\"zone\":99999999999999999999}}");
        assertEquals(-32602, r.at("/error/code").asInt());
        assertEquals("conntrack: parameter 'zone' must be integer 0-65535, got 99999999999999999999",
                r.at("/error/message").asText());
        assertEquals(-32602, call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"conntrack\",\"params\":[1.0]}")
                .at("/error/code").asInt());
    }

    @Test
    void echoesIdsAsSent() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"status\":\"healthy\",\"reasons\":[],\"phase\":"
                + "\"running\",\"checkedAt\":\"2026-03-01T10:00:06Z\"},\"id\":1.5}",
                dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1.50}", Caller.ROOT)
                        .orElseThrow());
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"method not found: x\"},"
                + "\"id\":null}", dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":null}",
                Caller.ROOT).orElseThrow());
    }

    @Test
    void saysWhereAMessageIsNotJson() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":}");
        assertEquals(RpcException.PARSE_ERROR, r.at("/error/code").asInt());
        assertTrue(r.at("/error/message").asText().startsWith("parse error: "), r.toString());
        assertEquals(RpcException.INVALID_REQUEST, call(" ").at("/error/code").asInt());
    }
}
