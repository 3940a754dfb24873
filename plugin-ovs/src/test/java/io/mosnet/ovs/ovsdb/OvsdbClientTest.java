package io.mosnet.ovs.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.ovs.io.FakeUnixServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvsdbClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void answersServerEchoWhileWaitingForReply() throws Exception {
        try (FakeUnixServer server = new FakeUnixServer(dir, (in, out) -> {
            JsonParser p = MAPPER.createParser(in);
            JsonNode request = MAPPER.readTree(p);
            assertEquals("list_dbs", request.get("method").asText());
            // RFC 7047 section 4.1.11: the server may send echo at any time; the client must answer it.
            out.write("{\"method\":\"echo\",\"params\":[\"ping\"],\"id\":\"echo\"}".getBytes(StandardCharsets.UTF_8));
            JsonNode echoReply = MAPPER.readTree(p);
            assertEquals("echo", echoReply.get("id").asText());
            assertEquals("ping", echoReply.get("result").get(0).asText());
            out.write(("{\"id\":" + request.get("id") + ",\"result\":[\"Open_vSwitch\",\"_Server\"],\"error\":null}")
                    .getBytes(StandardCharsets.UTF_8));
        }); OvsdbClient client = OvsdbClient.connect("unix:" + server.path(), Duration.ofSeconds(2))) {
            assertEquals(List.of("Open_vSwitch", "_Server"), client.listDatabases());
            server.awaitScript();
        }
    }

    @Test
    void reportsJsonRpcErrorOfTheServer() throws Exception {
        try (FakeUnixServer server = new FakeUnixServer(dir, (in, out) -> {
            JsonNode request = MAPPER.readTree(MAPPER.createParser(in));
            out.write(("{\"id\":" + request.get("id") + ",\"result\":null,\"error\":{\"error\":\"unknown database\","
                    + "\"details\":\"Open_vSwitch\"}}").getBytes(StandardCharsets.UTF_8));
        }); OvsdbClient client = OvsdbClient.connect("unix:" + server.path(), Duration.ofSeconds(2))) {
            OvsdbException e = assertThrows(OvsdbException.class,
                    () -> client.transact("Bridge mos", OvsdbState.selects()));
            assertTrue(e.getMessage().contains("OVSDB transact failed: ") && e.getMessage().contains("unknown database"),
                    e.getMessage());
        }
    }

    @Test
    void timesOutOnSilentServer() throws Exception {
        try (FakeUnixServer server = new FakeUnixServer(dir, (in, out) -> {
            MAPPER.readTree(MAPPER.createParser(in));
            Thread.sleep(1000);
        }); OvsdbClient client = OvsdbClient.connect("unix:" + server.path(), Duration.ofMillis(200))) {
            OvsdbException e = assertThrows(OvsdbException.class, client::listDatabases);
            assertTrue(e.getMessage().contains("no answer from"), e.getMessage());
        }
    }

    @Test
    void namesTheSocketWhenServerIsAbsent() {
        OvsdbException e = assertThrows(OvsdbException.class,
                () -> OvsdbClient.connect("unix:" + dir.resolve("db.sock"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("cannot reach ovsdb-server at unix:" + dir.resolve("db.sock")),
                e.getMessage());
    }

    @Test
    void rejectsTcpTargets() {
        assertThrows(OvsdbException.class, () -> OvsdbClient.socketPath("tcp:127.0.0.1:6640"));
    }
}
