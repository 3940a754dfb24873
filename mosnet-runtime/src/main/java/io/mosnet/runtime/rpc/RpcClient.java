package io.mosnet.runtime.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.runtime.state.StateJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client on mosnetd's socket, for the CLI: one connection, one call at a time, each with a deadline.
 * Remote errors come back as {@link RpcException} with the server's code; transport trouble as
 * {@link DaemonUnreachableException}.
 */
public final class RpcClient implements AutoCloseable {

    /** Where mosnetd listens unless told otherwise; here so that clients do not initialise the server's class. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/mosnet/mosnet.sock");

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private ObjectMapper json;
    private final AtomicLong ids = new AtomicLong();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private RpcClient(Path socket, SocketChannel channel, Selector selector, Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /** Connects; throws {@link DaemonUnreachableException} when nothing answers on {@code socket}. */
    public static RpcClient connect(Path socket, Duration timeout) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new RpcClient(socket, channel, selector, timeout);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new DaemonUnreachableException(prefix(socket) + reason(e), e);
        }
    }

    private static String prefix(Path socket) {
        return "cannot reach mosnetd at " + socket + ": ";
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public Path socket() {
        return socket;
    }

    /** Calls {@code method} with named {@code params} (may be empty) and returns the result tree. */
    public JsonNode call(String method, Map<String, ?> params) {
        ObjectMapper json = json();
        long id = ids.incrementAndGet();
        ObjectNode request = json.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", method);
        if (params != null && !params.isEmpty()) {
            request.set("params", json.valueToTree(params));
        }
        request.put("id", id);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            send(json.writeValueAsString(request) + "\n", deadline, method);
            JsonNode response = json.readTree(receiveLine(deadline, method));
            JsonNode error = response.get("error");
            if (error != null && error.isObject()) {
                throw new RpcException(error.path("code").asInt(RpcException.INTERNAL_ERROR),
                        error.path("message").asText("error without message"));
            }
            if (response.path("id").asLong(-1) != id) {
                throw new DaemonUnreachableException(prefix(socket) + "answer to " + method + " has id "
                        + response.get("id") + ", expected " + id);
            }
            return response.path("result");
        } catch (JsonProcessingException e) {
            throw new DaemonUnreachableException(prefix(socket) + "answer to " + method + " is not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DaemonUnreachableException(prefix(socket) + method + ": " + reason(e), e);
        }
    }

    /**
     * Calls {@code method} without parameters and returns the result as plain values ({@link PlainJson}): the
     * same exchange as {@link #call(String, Map)} without starting Jackson, for the CLI's most used views.
     */
    public Object call(String method) {
        long id = ids.incrementAndGet();
        // What Jackson writes for the same request: {"jsonrpc":"2.0","method":"...","id":N}.
        StringBuilder request = new StringBuilder("{\"jsonrpc\":\"2.0\",\"method\":");
        JsonStrings.quote(method, request);
        request.append(",\"id\":").append(id).append("}\n");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            send(request.toString(), deadline, method);
            Object answer = PlainJson.parse(receiveLine(deadline, method));
            Map<?, ?> response = answer instanceof Map<?, ?> m ? m : Map.of();
            if (response.get("error") instanceof Map<?, ?> error) {
                throw new RpcException(errorCode(error.get("code")),
                        error.get("message") == null ? "error without message" : String.valueOf(error.get("message")));
            }
            Object answerId = response.get("id");
            if (!(answerId instanceof JsonNumber n && n.integral() && n.text().equals(Long.toString(id)))) {
                throw new DaemonUnreachableException(prefix(socket) + "answer to " + method + " has id "
                        + (answerId instanceof String text ? JsonStrings.quote(text, new StringBuilder()) : answerId)
                        + ", expected " + id);
            }
            return response.get("result");
        } catch (MalformedJsonException e) {
            throw new DaemonUnreachableException(prefix(socket) + "answer to " + method + " is not JSON: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new DaemonUnreachableException(prefix(socket) + method + ": " + reason(e), e);
        }
    }

    private static int errorCode(Object code) {
        if (code instanceof JsonNumber n && n.integral()) {
            try {
                return Math.toIntExact(n.longValue());
            } catch (ArithmeticException | NumberFormatException e) {
                return RpcException.INTERNAL_ERROR; // no JSON-RPC code is that large
            }
        }
        return RpcException.INTERNAL_ERROR;
    }

    /** Calls {@code method} and maps the result onto {@code type}. */
    public <T> T call(String method, Map<String, ?> params, JavaType type) {
        JsonNode result = call(method, params);
        try {
            return json().treeToValue(result, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DaemonUnreachableException(prefix(socket) + "answer to " + method + " does not match "
                    + type.toCanonical() + ": " + e.getMessage(), e);
        }
    }

    public <T> T call(String method, Map<String, ?> params, Class<T> type) {
        return call(method, params, json().constructType(type));
    }

    /** mosnet's Jackson configuration, built on first use: {@link #call(String)} does without it. */
    public ObjectMapper json() {
        if (json == null) {
            json = StateJson.mapper();
        }
        return json;
    }

    private void send(String text, long deadline, String method) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        SelectionKey key = channel.keyFor(selector);
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                key.interestOps(SelectionKey.OP_WRITE);
                waitFor(deadline, method);
                key.interestOps(SelectionKey.OP_READ);
            }
        }
    }

    private String receiveLine(long deadline, String method) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (true) {
            byte[] have = pending.toByteArray();
            for (int i = 0; i < have.length; i++) {
                if (have[i] == '\n') {
                    pending.reset();
                    pending.write(have, i + 1, have.length - i - 1);
                    return new String(have, 0, i, StandardCharsets.UTF_8);
                }
            }
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                throw new IOException("connection closed before the answer to " + method);
            }
            if (n == 0) {
                waitFor(deadline, method);
                continue;
            }
            pending.write(buf.array(), 0, n);
        }
    }

    private void waitFor(long deadline, String method) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
            throw new IOException("no answer to " + method + " within " + timeout.toMillis() + " ms");
        }
        selector.selectedKeys().clear();
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // Closing a Unix socket the peer already closed: nothing to report.
        }
    }
}
