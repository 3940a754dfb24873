package io.mosnet.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.cli.CliContext;
import io.mosnet.cli.Mosnet;
import io.mosnet.runtime.rpc.JsonRecords;
import io.mosnet.runtime.rpc.JsonTree;
import io.mosnet.runtime.rpc.PrettyJson;
import io.mosnet.runtime.rpc.DaemonUnreachableException;
import io.mosnet.runtime.rpc.RpcClient;
import io.mosnet.runtime.state.StateJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: {@code --json}, {@code --socket}, the daemon connection and the live network
 * handle (both opened on first use and closed when the command ends), and output through picocli's writer.
 */
public abstract class MosnetCommand implements Callable<Integer> {

    static final String LIVE_ONLY = "(mosnetd not running: live view only)";

    @Spec
    protected CommandSpec spec;

    @Option(names = "--json", description = "Machine-readable output with a stable schema")
    protected boolean json;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "mosnetd's API socket (default: $MOSNET_SOCKET or /run/mosnet/mosnet.sock)")
    Path socket;

    private ObjectMapper mapper;
    private RpcClient client;
    private HostNetwork live;
    /** Set when the command runs without picocli ({@link #runDirect}); then {@link #spec} is null. */
    private CliContext directContext;
    private PrintWriter directOut;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } finally {
            if (client != null) {
                client.close();
            }
            if (live instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** The command's work; returns the exit code. */
    protected abstract int run() throws Exception;

    /**
     * Runs the command as {@code mosnet VERB [--json] [--socket PATH]} would, without picocli's model of the whole
     * command line (which costs more than the rest of a {@code mosnet status}): for verbs whose only options are
     * these two, found by {@link io.mosnet.cli.DirectInvocation}.
     *
     * @param socket the effective {@code --socket} (the verb's, else the top-level one), or null
     */
    public final int runDirect(CliContext context, PrintWriter out, boolean json, Path socket) throws Exception {
        this.directContext = context;
        this.directOut = out;
        this.json = json;
        this.socket = socket;
        return call();
    }

    protected CliContext context() {
        return directContext != null ? directContext : ((Mosnet) spec.root().userObject()).context();
    }

    protected Path socketPath() {
        if (socket != null || directContext != null) {
            return context().socket(socket);
        }
        return context().socket(((Mosnet) spec.root().userObject()).socketOption());
    }

    /** The daemon; throws {@link DaemonUnreachableException} (exit 2) when it cannot be reached. */
    protected RpcClient daemon() {
        if (client == null) {
            client = RpcClient.connect(socketPath(), context().timeout());
        }
        return client;
    }

    /** The daemon if it answers, for views that also work without it. */
    protected Optional<RpcClient> daemonIfRunning() {
        try {
            return Optional.of(daemon());
        } catch (DaemonUnreachableException e) {
            return Optional.empty();
        }
    }

    /**
     * The daemon's answer to {@code method} as plain values ({@link RpcClient#call(String)}): the views bind it with
     * {@link JsonRecords} and print it with {@link PrettyJson}, so they never start Jackson.
     */
    protected Object call(String method) {
        return daemon().call(method);
    }

    protected JsonNode call(String method, Map<String, ?> params) {
        return daemon().call(method, params);
    }

    /** A plain answer ({@link #call(String)}) as a {@code type}, without Jackson ({@link JsonRecords}). */
    protected <T> T convert(Object answer, Class<T> type) {
        try {
            return JsonRecords.bind(answer, type);
        } catch (IllegalArgumentException e) {
            throw mismatch(type.getName(), e);
        }
    }

    protected <T> List<T> convertList(Object answer, Class<T> element) {
        try {
            return JsonRecords.bindList(answer, element);
        } catch (IllegalArgumentException e) {
            throw mismatch("java.util.List<" + element.getName() + ">", e);
        }
    }

    /** A Jackson answer ({@link #call(String, Map)}) as a {@code type}. */
    protected <T> T convert(JsonNode answer, Class<T> type) {
        return convert(answer, mapper().constructType(type));
    }

    protected <T> List<T> convertList(JsonNode answer, Class<T> element) {
        return convert(answer, mapper().getTypeFactory().constructCollectionType(List.class, element));
    }

    private <T> T convert(JsonNode node, JavaType type) {
        try {
            return mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw mismatch(type.toCanonical(), e);
        }
    }

    private DaemonUnreachableException mismatch(String type, Exception e) {
        return new DaemonUnreachableException("cannot reach mosnetd at " + socketPath() + ": answer does not match "
                + type + ": " + e.getMessage(), e);
    }

    /** The live network (rtnetlink), opened once per command. */
    protected HostNetwork live() {
        if (live == null) {
            live = context().hostNetwork().get();
        }
        return live;
    }

    protected PrintWriter out() {
        return directOut != null ? directOut : spec.commandLine().getOut();
    }

    /** Built on first use: views that print without Jackson do not pay for its start-up. */
    protected ObjectMapper mapper() {
        if (mapper == null) {
            mapper = StateJson.mapper();
        }
        return mapper;
    }

    /**
     * Pretty JSON with sorted map keys and ISO-8601 instants, then a newline: a plain answer ({@link #call(String)})
     * as it came, a view's record through {@link JsonTree}; byte for byte what Jackson writes (JsonTreeTest).
     */
    protected void printJson(Object value) {
        out().println(PrettyJson.write(value instanceof Record ? JsonTree.of(value) : value));
        out().flush();
    }

    /** A Jackson answer ({@link #call(String, Map)}) as pretty JSON. */
    protected void printJson(JsonNode value) throws JsonProcessingException {
        out().println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        out().flush();
    }

    /** {@code 2026-03-01T10:00:00Z (in 29m 12s)} or {@code (3m ago)}. */
    protected String when(Instant t) {
        return t == null ? null : when(t, t.toString());
    }

    /** As {@link #when(Instant)} for an instant read with its text. */
    String when(IsoInstant t) {
        return t == null ? null : when(t.instant(), t.text());
    }

    private String when(Instant t, String shown) {
        Instant now = context().clock().instant();
        Duration d = Duration.between(now, t);
        // Not d.abs(): negating a Duration goes through BigDecimal, whose start-up is a tenth of a mosnet status.
        String span = span(d.isNegative() ? Duration.between(t, now) : d);
        return shown + (d.isNegative() ? " (" + span + " ago)" : " (in " + span + ")");
    }

    static String span(Duration d) {
        long s = d.toSeconds();
        if (s >= 86400) {
            return s / 86400 + "d " + (s % 86400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + (s % 3600) / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s + "s";
    }

    /** A member of a plain JSON object, or null (also when {@code object} is not one). */
    static Object member(Object object, String name) {
        return object instanceof Map<?, ?> m ? m.get(name) : null;
    }

    /** The items of a plain JSON array; none when {@code value} is not one. */
    static List<?> items(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** The members of a plain JSON object, in document order; none when {@code value} is not one. */
    static Map<?, ?> members(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    /**
     * A plain JSON scalar as text, as Jackson's {@code asText} gives it: a string as it is, a number or a boolean as
     * written; {@code absent} for null or a missing member, "" for an object or array.
     */
    static String text(Object value, String absent) {
        if (value == null) {
            return absent;
        }
        return value instanceof Map || value instanceof List ? "" : value.toString();
    }

    static String join(List<?> items) {
        if (items == null || items.isEmpty()) {
            return "-";
        }
        // A loop, not a stream: the stream machinery's first use costs more than the views it would serve.
        StringBuilder s = new StringBuilder();
        for (Object item : items) {
            s.append(s.isEmpty() ? "" : ", ").append(item);
        }
        return s.toString();
    }
}
