package io.mosnet.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.runtime.state.StateJson;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real non-root client (uid 65534 through {@code setpriv}, speaking through {@code socat}) against the server's
 * real SO_PEERCRED check: it may read, it may not flush. Needs root; setpriv and socat must be installed.
 */
class RpcPeerCredentialsNamespaceTest {

    @TempDir
    Path dir;

    @Test
    void nonRootProcessCanReadButIsRefusedFlush() throws Exception {
        FakeDaemonView view = new FakeDaemonView();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RpcServer server = RpcServer.builder(dir.resolve("mosnet.sock"), DaemonMethods.registry(view, "0"))
                .start()) {
            // The socket is 0660 root-owned; open it to "others" for this test's unprivileged process only.
            Files.setPosixFilePermissions(server.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
            Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "socat", "-t", "2", "-", "UNIX-CONNECT:" + server.socket()).redirectErrorStream(true).start();
            try {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"status\",\"id\":1}\n"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"conntrack.flush\",\"id\":2}\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("socat did not finish within 30 s");
                }
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), output);
                List<String> lines = output.lines().toList();
                assertEquals(2, lines.size(), output);
                ObjectMapper json = StateJson.mapper();
                JsonNode status = json.readTree(lines.get(0));
                assertEquals("running", status.at("/result/phase").asText(), output);
                JsonNode flush = json.readTree(lines.get(1));
                assertEquals(RpcException.PERMISSION_DENIED, flush.at("/error/code").asInt(), output);
                assertEquals(0, view.flushes.get());
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
