package io.mosnet.ovs.ovsdb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.ovs.io.UnixStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC 1.0 client for ovsdb-server over its Unix socket (RFC 7047 section 4). Calls are synchronous: a call
 * sends its request and reads messages until the reply with its id, answering the server's {@code echo} requests
 * (section 4.1.11) and skipping notifications on the way. Not for concurrent use.
 */
public final class OvsdbClient implements Closeable {

    public static final String DATABASE = "Open_vSwitch";
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UnixStream stream;
    private final Duration timeout;
    private final JsonParser parser;
    private long nextId;

    private OvsdbClient(UnixStream stream, Duration timeout) throws IOException {
        this.stream = stream;
        this.timeout = timeout;
        // A character source: Jackson's byte-source bootstrap would block here reading ahead to detect encoding.
        this.parser = MAPPER.createParser(new InputStreamReader(stream.input(timeout), StandardCharsets.UTF_8));
    }

    /**
     * Connects to {@code target}, written as ovsdb-server's {@code --remote}: {@code unix:/path} (only Unix
     * sockets are supported; a plain path is accepted too).
     */
    public static OvsdbClient connect(String target, Duration timeout) {
        Path path = socketPath(target);
        try {
            return new OvsdbClient(UnixStream.connect(path), timeout);
        } catch (IOException e) {
            throw new OvsdbException("cannot reach ovsdb-server at " + target + ": " + e.getMessage()
                    + " (is ovsdb-server running? set [plugins.ovs] ovsdb or --ovsdb)", e);
        }
    }

    static Path socketPath(String target) {
        if (target.startsWith("unix:")) {
            return Path.of(target.substring(5));
        }
        if (target.startsWith("/")) {
            return Path.of(target);
        }
        throw new OvsdbException("OVSDB target '" + target + "' is not a unix:/path socket");
    }

    /** {@code list_dbs} (section 4.1.1). */
    public List<String> listDatabases() {
        JsonNode result = call("list_dbs", Ovsdb.JSON.arrayNode());
        List<String> out = new ArrayList<>();
        result.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Runs {@code operations} as one transaction on Open_vSwitch (section 4.1.3) and returns the per-operation
     * results. Any operation error fails the whole call with {@code OVSDB transact on <what>: <error>: <details>}.
     */
    public List<JsonNode> transact(String what, List<ObjectNode> operations) {
        JsonNode result = call("transact", transactParams(operations));
        return checkTransactResult(what, operations, result);
    }

    static ArrayNode transactParams(List<ObjectNode> operations) {
        ArrayNode params = Ovsdb.JSON.arrayNode().add(DATABASE);
        operations.forEach(params::add);
        return params;
    }

    /** Checks a transact result array as RFC 7047 section 4.1.3 describes it; exposed for tests. */
    static List<JsonNode> checkTransactResult(String what, List<ObjectNode> operations, JsonNode result) {
        if (!result.isArray()) {
            throw new OvsdbException("OVSDB transact on " + what + ": result is not an array: " + result);
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            JsonNode r = result.get(i);
            if (r != null && r.hasNonNull("error")) {
                String op = i < operations.size() ? " (operation " + i + ", " + operations.get(i).path("op").asText()
                        + " " + operations.get(i).path("table").asText() + ")" : " (commit)";
                String details = r.hasNonNull("details") ? ": " + r.get("details").asText() : "";
                throw new OvsdbException("OVSDB transact on " + what + ": " + r.get("error").asText() + details + op);
            }
            out.add(r);
        }
        if (out.size() < operations.size()) {
            throw new OvsdbException("OVSDB transact on " + what + ": " + out.size() + " results for "
                    + operations.size() + " operations");
        }
        return out;
    }

    /** One JSON-RPC call; a non-null {@code error} member becomes an {@link OvsdbException}. */
    public synchronized JsonNode call(String method, ArrayNode params) {
        long id = nextId++;
        ObjectNode request = Ovsdb.JSON.objectNode().put("method", method);
        request.set("params", params);
        request.put("id", id);
        send(request, method);
        while (true) {
            JsonNode msg = receive(method);
            JsonNode m = msg.get("method");
            if (m != null && !m.isNull()) {
                if ("echo".equals(m.asText()) && msg.has("id")) {
                    ObjectNode reply = Ovsdb.JSON.objectNode();
                    reply.set("result", msg.get("params"));
                    reply.putNull("error");
                    reply.set("id", msg.get("id"));
                    send(reply, "echo reply");
                } else {
                    LOG.debug("ignoring OVSDB {} while waiting for {}", m.asText(), method);
                }
                continue;
            }
            if (!msg.has("id") || msg.get("id").asLong(-1) != id) {
                LOG.debug("ignoring OVSDB reply {} while waiting for id {}", msg.get("id"), id);
                continue;
            }
            JsonNode error = msg.get("error");
            if (error != null && !error.isNull()) {
                throw new OvsdbException("OVSDB " + method + " failed: " + error);
            }
            return msg.get("result");
        }
    }

    private void send(JsonNode message, String what) {
        try {
            stream.write(MAPPER.writeValueAsBytes(message), timeout);
        } catch (IOException e) {
            throw new OvsdbException("OVSDB " + what + ": sending to " + stream.path() + " failed: " + e.getMessage(), e);
        }
    }

    private JsonNode receive(String what) {
        try {
            JsonNode msg = MAPPER.readTree(parser);
            if (msg == null) {
                throw new OvsdbException("OVSDB " + what + ": ovsdb-server at " + stream.path() + " closed the connection");
            }
            if (!msg.isObject()) {
                throw new OvsdbException("OVSDB " + what + ": expected a JSON-RPC object, got " + msg);
            }
            return msg;
        } catch (IOException e) {
            throw new OvsdbException("OVSDB " + what + ": no answer from " + stream.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
