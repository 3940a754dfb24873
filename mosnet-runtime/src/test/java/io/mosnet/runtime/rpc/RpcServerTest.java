package io.mosnet.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.state.HealthReport;
import io.mosnet.runtime.state.StateJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpcServerTest {

    @TempDir
    Path dir;
    RpcServer server;
    final ObjectMapper json = StateJson.mapper();
    final FakeDaemonView view = new FakeDaemonView();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    RpcServer start(RpcServer.Builder b) {
        server = b.start();
        return server;
    }

    RpcServer.Builder builder() {
        return RpcServer.builder(dir.resolve("run/mosnet.sock"), DaemonMethods.registry(view, "0.1.0"));
    }

    /** A raw client that speaks the line framing by hand. */
    static final class RawClient implements AutoCloseable {
        final SocketChannel channel;
        final OutputStream out;
        final InputStream in;

        RawClient(Path socket) throws IOException {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            out = Channels.newOutputStream(channel);
            in = Channels.newInputStream(channel);
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String readLine() throws IOException {
            StringBuilder s = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                s.append((char) b);
            }
            return b < 0 && s.isEmpty() ? null : s.toString();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    void servesCallThroughClient() {
        start(builder());
        try (RpcClient client = RpcClient.connect(server.socket(), Duration.ofSeconds(5))) {
            HealthReport h = client.call("health", Map.of(), HealthReport.class);
            assertEquals(HealthReport.HEALTHY, h.status());
            assertEquals("10.0.0.5/24", client.call("status", Map.of()).at("/addresses/0").asText());
            RpcException e = assertThrows(RpcException.class, () -> client.call("flows", Map.of()));
            assertEquals(RpcException.UNAVAILABLE, e.code());
        }
    }

    @Test
    void createsSocketWithMode0660AndRemovesItOnClose() throws IOException {
        start(builder());
        Path socket = server.socket();
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        server.close();
        assertFalse(Files.exists(socket));
        DaemonUnreachableException e = assertThrows(DaemonUnreachableException.class,
                () -> RpcClient.connect(socket, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("cannot reach mosnetd at " + socket + ": "), e.getMessage());
    }

    @Test
    void givesTheSocketToItsGroupWhenTheGroupExists() throws IOException {
        // Changing a file's group to one we are not in needs root; as anyone else, our own primary group.
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        String group = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
        if (!"root".equals(System.getProperty("user.name"))) {
            start(builder().group(group));
        } else {
            group = "daemon";
            gid = 1;
            start(builder().group(group));
        }
        assertEquals(gid, Files.getAttribute(server.socket(), "unix:gid"), "socket group " + group);
    }

    @Test
    void keepsTheSocketRootOnlyWithoutItsGroup() throws IOException {
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        start(builder().group("no-such-group-mosnet"));
        assertEquals(gid, Files.getAttribute(server.socket(), "unix:gid"));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())));
    }

    @Test
    void answersMalformedJsonAndKeepsConnection() throws IOException {
        start(builder());
        try (RawClient c = new RawClient(server.socket())) {
            c.send("{not json\n");
            assertEquals(-32700, json.readTree(c.readLine()).at("/error/code").asInt());
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":9}\n");
            JsonNode r = json.readTree(c.readLine());
            assertEquals(-32601, r.at("/error/code").asInt());
            assertEquals(9, r.get("id").asInt());
        }
    }

    @Test
    void answersTwoRequestsSentInOneWriteInOrder() throws IOException {
        start(builder());
        try (RawClient c = new RawClient(server.socket())) {
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1}\n\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"vlan\",\"id\":2}\n");
            assertEquals(1, json.readTree(c.readLine()).get("id").asInt());
            assertEquals(2, json.readTree(c.readLine()).get("id").asInt());
        }
    }

    @Test
    void closesConnectionOnOversizedMessage() throws IOException {
        start(builder().maxMessageBytes(1024));
        try (RawClient c = new RawClient(server.socket())) {
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"" + "x".repeat(5000));
            JsonNode r = json.readTree(c.readLine());
            assertEquals(-32600, r.at("/error/code").asInt());
            assertEquals("message exceeds 1024 bytes", r.at("/error/message").asText());
            assertEquals(null, c.readLine());
        }
    }

    @Test
    void stalledClientDoesNotBlockAnother() {
        start(builder());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawClient stalled = new RawClient(server.socket());
                 RawClient quiet = new RawClient(server.socket())) {
                stalled.send("{\"jsonrpc\":\"2.0\",\"method\":\"sta");
                try (RpcClient other = RpcClient.connect(server.socket(), Duration.ofSeconds(5))) {
                    assertEquals("running", other.call("status", Map.of()).get("phase").asText());
                }
            }
        });
    }

    @Test
    void closesConnectionThatMakesNoProgress() {
        start(builder().idleTimeout(Duration.ofMillis(100)));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawClient stalled = new RawClient(server.socket())) {
                stalled.send("{\"jsonrpc\"");
                assertEquals(null, stalled.readLine());
            }
        });
    }

    @Test
    void refusesConnectionsBeyondLimit() {
        start(builder().maxConnections(1));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawClient first = new RawClient(server.socket())) {
                first.send("{\"jsonrpc\":\"2.0\",\"method\":\"health\",\"id\":1}\n");
                first.readLine(); // the first connection is being served
                try (RawClient second = new RawClient(server.socket())) {
                    JsonNode r = json.readTree(second.readLine());
                    assertEquals(RpcException.SERVER_BUSY, r.at("/error/code").asInt());
                    assertEquals(null, second.readLine());
                }
            }
        });
    }

    @Test
    void clientDisconnectingMidMessageFreesItsSlot() {
        start(builder().maxConnections(1));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawClient gone = new RawClient(server.socket())) {
                gone.send("{\"jsonrpc\":\"2.0\",\"meth");
                while (server.connectionCount() == 0) {
                    Thread.onSpinWait();
                }
            }
            while (server.connectionCount() > 0) {
                Thread.onSpinWait();
            }
            try (RpcClient next = RpcClient.connect(server.socket(), Duration.ofSeconds(5))) {
                assertEquals("healthy", next.call("health", Map.of()).get("status").asText());
            }
        });
    }

    @Test
    void refusesFlushToNonRootCaller() {
        start(builder().peerCredentials(PeerCredentials.fixed(new Caller("alice", "users", false))));
        try (RpcClient client = RpcClient.connect(server.socket(), Duration.ofSeconds(5))) {
            RpcException e = assertThrows(RpcException.class, () -> client.call("conntrack.flush", Map.of()));
            assertEquals(RpcException.PERMISSION_DENIED, e.code());
            assertEquals("running", client.call("status", Map.of()).get("phase").asText());
        }
        assertEquals(0, view.flushes.get());
    }

    @Test
    void identifiesRootThroughSoPeerCred() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs the test JVM to run as root");
        start(builder());
        try (RpcClient client = RpcClient.connect(server.socket(), Duration.ofSeconds(5))) {
            assertEquals(-1, client.call("conntrack.flush", Map.of("zone", 4)).get("flushed").asInt());
        }
        assertEquals(1, view.flushes.get());
    }

    @Test
    void removesStaleSocketButRefusesLiveOne() throws IOException {
        Path socket = dir.resolve("run/mosnet.sock");
        Files.createDirectories(socket.getParent());
        ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        old.bind(UnixDomainSocketAddress.of(socket));
        RpcException live = assertThrows(RpcException.class, () -> builder().start());
        assertTrue(live.getMessage().contains("another server is listening on it"), live.getMessage());
        old.close(); // leaves the socket file behind, as a killed daemon does
        assertTrue(Files.exists(socket));
        start(builder());
        try (RpcClient client = RpcClient.connect(socket, Duration.ofSeconds(5))) {
            assertEquals("mos", client.call("bridge", Map.of()).get("name").asText());
        }
    }

    @Test
    void clientTimesOutWhenServerDoesNotAnswer() throws IOException {
        Path socket = dir.resolve("silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            try (RpcClient client = RpcClient.connect(socket, Duration.ofMillis(200))) {
                DaemonUnreachableException e = assertThrows(DaemonUnreachableException.class,
                        () -> client.call("status", Map.of()));
                assertEquals("cannot reach mosnetd at " + socket + ": status: no answer to status within 200 ms",
                        e.getMessage());
            }
        }
    }

    @Test
    void plainCallGivesTheSameAnswerWithoutJackson() throws Exception {
        start(builder().peerCredentials(PeerCredentials.fixed(new Caller("alice", "users", false))));
        try (RpcClient client = RpcClient.connect(server.socket(), Duration.ofSeconds(5))) {
            Object plain = client.call("status");
            assertEquals(PlainJson.parse(json.writeValueAsString(client.call("status", Map.of()))), plain);
            assertEquals("running", ((Map<?, ?>) plain).get("phase"));
            RpcException e = assertThrows(RpcException.class, () -> client.call("flows"));
            assertEquals(RpcException.UNAVAILABLE, e.code());
            RpcException denied = assertThrows(RpcException.class, () -> client.call("conntrack.flush"));
            assertEquals(RpcException.PERMISSION_DENIED, denied.code());
        }
    }

    /** A server that answers the first request on {@code socket} with {@code answer} and a newline. */
    static Thread answerOnce(ServerSocketChannel listener, String answer) {
        Thread t = new Thread(() -> {
            try (SocketChannel c = listener.accept()) {
                java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4096);
                while (c.read(in) > 0 && in.get(in.position() - 1) != '\n') {
                    // until the request's newline
                }
                c.write(java.nio.ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void plainCallReportsAnswersThatAreNotJsonOrForAnotherRequest() throws Exception {
        Path socket = dir.resolve("odd.sock");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
            Thread t = answerOnce(listener, "{\"jsonrpc\":\"2.0\",\"result\":{}");
            try (RpcClient client = RpcClient.connect(socket, Duration.ofSeconds(5))) {
                DaemonUnreachableException e = assertThrows(DaemonUnreachableException.class,
                        () -> client.call("status"));
                assertTrue(e.getMessage().startsWith("cannot reach mosnetd at " + socket
                        + ": answer to status is not JSON: "), e.getMessage());
            }
            t.join();
            t = answerOnce(listener, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":123456789012345678901},\"id\":1}");
            try (RpcClient client = RpcClient.connect(socket, Duration.ofSeconds(5))) {
                RpcException e = assertThrows(RpcException.class, () -> client.call("status"));
                assertEquals(RpcException.INTERNAL_ERROR, e.code());
                assertEquals("error without message", e.getMessage());
            }
            t.join();
            t = answerOnce(listener, "{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":7}");
            try (RpcClient client = RpcClient.connect(socket, Duration.ofSeconds(5))) {
                DaemonUnreachableException e = assertThrows(DaemonUnreachableException.class,
                        () -> client.call("status"));
                assertEquals("cannot reach mosnetd at " + socket + ": answer to status has id 7, expected 1",
                        e.getMessage());
            }
            t.join();
        }
    }
}
