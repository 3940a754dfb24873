package io.mosnet.ovs.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.ovs.io.UnixStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The JSON-RPC 1.0 protocol OVS daemons serve on their control socket, the one {@code ovs-appctl} uses: a request
 * {@code {"method": M, "params": [strings], "id": N}} answered by {@code {"result": text, "error": null, "id": N}}
 * or an error text. One connection per call, as ovs-appctl does.
 */
public final class UnixctlClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path socket;
    private final Duration timeout;

    public UnixctlClient(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * ovs-vswitchd's control socket in {@code rundir}: {@code ovs-vswitchd.<pid>.ctl} with the PID from
     * {@code ovs-vswitchd.pid}, where the daemon puts them by default.
     */
    public static Path vswitchdSocket(Path rundir) {
        Path pidfile = rundir.resolve("ovs-vswitchd.pid");
        try {
            String pid = Files.readString(pidfile, StandardCharsets.US_ASCII).trim();
            if (!pid.chars().allMatch(Character::isDigit) || pid.isEmpty()) {
                throw new UnixctlException(pidfile + " does not hold a PID: '" + pid + "'");
            }
            return rundir.resolve("ovs-vswitchd." + pid + ".ctl");
        } catch (IOException e) {
            throw new UnixctlException("cannot find ovs-vswitchd's control socket: reading " + pidfile + ": "
                    + e.getMessage() + " (is ovs-vswitchd running? set [plugins.ovs] rundir or unixctl)", e);
        }
    }

    public Path socket() {
        return socket;
    }

    /** Runs {@code method} with string arguments and returns the daemon's text answer. */
    public String call(String method, List<String> args) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("method", method);
        ArrayNode params = request.putArray("params");
        args.forEach(params::add);
        request.put("id", 0);
        String what = "unixctl " + method + (args.isEmpty() ? "" : " " + String.join(" ", args)) + " on " + socket;
        try (UnixStream s = UnixStream.connect(socket)) {
            s.write(MAPPER.writeValueAsBytes(request), timeout);
            JsonNode reply;
            try (var parser = MAPPER.createParser(new java.io.InputStreamReader(s.input(timeout), StandardCharsets.UTF_8))) {
                reply = MAPPER.readTree(parser);
            }
            if (reply == null || !reply.isObject()) {
                throw new UnixctlException(what + ": no JSON-RPC reply");
            }
            JsonNode error = reply.get("error");
            if (error != null && !error.isNull()) {
                throw new UnixctlException(what + ": " + error.asText().strip());
            }
            JsonNode result = reply.get("result");
            return result == null || result.isNull() ? "" : result.isTextual() ? result.asText() : result.toString();
        } catch (IOException e) {
            throw new UnixctlException(what + ": " + e.getMessage(), e);
        }
    }
}
