package io.mosnet.ovs.unixctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.ovs.io.FakeUnixServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixctlClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeUnixServer answering(String expectedMethod, List<String> expectedParams, String reply) throws Exception {
        return new FakeUnixServer(dir, (in, out) -> {
            JsonNode request = MAPPER.readTree(MAPPER.createParser(in));
            assertEquals(expectedMethod, request.get("method").asText());
            assertEquals(expectedParams, MAPPER.convertValue(request.get("params"), List.class));
            out.write(reply.replace("ID", request.get("id").toString()).getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void parsesConntrackStatsAnswer() throws Exception {
        // The reply text as ovs-vswitchd 3.1.0 sends it for dpctl/ct-stats-show.
        try (FakeUnixServer s = answering("dpctl/ct-stats-show", List.of(),
                "{\"id\":ID,\"result\":\"Connections Stats:\\n    Total: 3\\n    TCP: 2\\n    ICMP: 1\\n\",\"error\":null}")) {
            Map<String, Object> stats = new DatapathView(new UnixctlClient(s.path(), Duration.ofSeconds(2))).conntrackStats();
            assertEquals(3L, stats.get("total"));
            assertEquals(Map.of("TCP", 2L, "ICMP", 1L), stats.get("protocols"));
            s.awaitScript();
        }
    }

    @Test
    void passesZoneToDumpConntrack() throws Exception {
        try (FakeUnixServer s = answering("dpctl/dump-conntrack", List.of("zone=5"),
                "{\"id\":ID,\"result\":\"icmp,orig=(src=10.0.0.1,dst=10.0.0.2,id=1,type=8,code=0),zone=5\\n\",\"error\":null}")) {
            Map<String, Object> ct = new DatapathView(new UnixctlClient(s.path(), Duration.ofSeconds(2))).conntrack(5);
            assertEquals(List.of("icmp,orig=(src=10.0.0.1,dst=10.0.0.2,id=1,type=8,code=0),zone=5"), ct.get("entries"));
            assertEquals(5, ct.get("zone"));
        }
    }

    @Test
    void reportsDaemonErrorWithCommand() throws Exception {
        try (FakeUnixServer s = answering("dpctl/flush-conntrack", List.of("zone=9"),
                "{\"id\":ID,\"result\":null,\"error\":\"ovs-vswitchd: flushing conntrack failed (Invalid argument)\\n\"}")) {
            UnixctlException e = assertThrows(UnixctlException.class,
                    () -> new DatapathView(new UnixctlClient(s.path(), Duration.ofSeconds(2))).flushConntrack(9));
            assertTrue(e.getMessage().startsWith("unixctl dpctl/flush-conntrack zone=9 on "), e.getMessage());
            assertTrue(e.getMessage().endsWith("flushing conntrack failed (Invalid argument)"), e.getMessage());
        }
    }

    @Test
    void splitsDatapathFlowLine() {
        Map<String, Object> f = DatapathView.parseFlow("recirc_id(0),in_port(2),eth_type(0x0806), packets:3, "
                + "bytes:126, used:0.512s, actions:userspace(pid=0,controller(reason=1))");
        assertEquals("recirc_id(0),in_port(2),eth_type(0x0806)", f.get("match"));
        assertEquals(3L, f.get("packets"));
        assertEquals(126L, f.get("bytes"));
        assertEquals("0.512s", f.get("used"));
        assertEquals("userspace(pid=0,controller(reason=1))", f.get("actions"));
    }

    @Test
    void findsVswitchdSocketFromPidfile() throws Exception {
        Files.writeString(dir.resolve("ovs-vswitchd.pid"), "4242\n");
        assertEquals(dir.resolve("ovs-vswitchd.4242.ctl"), UnixctlClient.vswitchdSocket(dir));
    }

    @Test
    void explainsMissingPidfile() {
        UnixctlException e = assertThrows(UnixctlException.class, () -> UnixctlClient.vswitchdSocket(dir));
        assertTrue(e.getMessage().contains("ovs-vswitchd.pid"), e.getMessage());
    }
}
