package io.mosnet.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.state.DaemonState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file ({@code /var/cache/etc/mosnet.json} by default): the daemon's {@link DaemonState} as JSON, written
 * atomically on every change and read back at start so that a restart adopts what is configured.
 *
 * <p>Reading never throws on what the file contains: a corrupt, truncated or other-schema file is logged and
 * reported as a {@link StateLoadResult} that the daemon treats as "no state".
 */
public final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    public static final Path DEFAULT_PATH = Path.of("/var/cache/etc/mosnet.json");
    private static final Set<PosixFilePermission> MODE_0644 = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final Path file;
    /** Made on first use: a first boot with no state file reaches the network before Jackson is set up. */
    private ObjectMapper json;
    private final AtomicFile atomicFile;

    public StateStore(Path file) {
        this(file, new AtomicFile());
    }

    StateStore(Path file, AtomicFile atomicFile) {
        this.file = file;
        this.atomicFile = atomicFile;
    }

    private synchronized ObjectMapper json() {
        if (json == null) {
            json = StateJson.mapper();
        }
        return json;
    }

    public Path file() {
        return file;
    }

    /** Reads the state file; see {@link StateLoadResult} for the outcomes. Logs every outcome but ABSENT/LOADED. */
    public StateLoadResult load() {
        StateLoadResult result = read();
        switch (result.status()) {
            case LOADED -> LOG.info("state file {} loaded (updated {})", file, result.state().updatedAt());
            case ABSENT -> LOG.info("no state file at {}: starting fresh", file);
            default -> LOG.warn("ignoring state file {}: {}", file, result.reason());
        }
        return result;
    }

    private StateLoadResult read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return StateLoadResult.rejected(StateLoadResult.Status.ABSENT, file, "no such file");
        } catch (IOException e) {
            return StateLoadResult.rejected(StateLoadResult.Status.UNREADABLE, file,
                    "cannot read: " + AtomicFile.reason(e));
        }
        return parse(file, bytes, json());
    }

    /** Parses state JSON; exposed so that the CLI's {@code verify --state-file} judges a file the same way. */
    public static StateLoadResult parse(Path file, byte[] bytes, ObjectMapper json) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return StateLoadResult.rejected(StateLoadResult.Status.TRUNCATED, file, "file is empty");
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (IOException e) {
            if (endsEarly(e)) {
                return StateLoadResult.rejected(StateLoadResult.Status.TRUNCATED, file,
                        "truncated after " + bytes.length + " bytes: " + oneLine(e));
            }
            return StateLoadResult.rejected(StateLoadResult.Status.CORRUPT, file, "not JSON: " + oneLine(e));
        }
        if (tree == null || !tree.isObject()) {
            return StateLoadResult.rejected(StateLoadResult.Status.CORRUPT, file, "not a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            return StateLoadResult.rejected(StateLoadResult.Status.SCHEMA_MISMATCH, file,
                    "no integer schemaVersion (expected " + DaemonState.SCHEMA_VERSION + ")");
        }
        if (version.intValue() != DaemonState.SCHEMA_VERSION) {
            return StateLoadResult.rejected(StateLoadResult.Status.SCHEMA_MISMATCH, file,
                    "schemaVersion " + version.intValue() + ", this mosnet reads " + DaemonState.SCHEMA_VERSION);
        }
        try {
            return StateLoadResult.loaded(file, json.treeToValue(tree, DaemonState.class));
        } catch (JsonProcessingException | RuntimeException e) {
            // RuntimeException: a record constructor refusing a value (Map.copyOf with a null, ...).
            return StateLoadResult.rejected(StateLoadResult.Status.CORRUPT, file,
                    "not a valid mosnet state: " + oneLine(e));
        }
    }

    /**
     * Writes {@code state} atomically (temp file, fsync, rename, directory fsync), creating the directory.
     * Synchronised so that concurrent saves (a renewal and a link event) land in call order.
     *
     * @throws StateStoreException naming the file and the system's answer when the write fails
     */
    public synchronized void save(DaemonState state) {
        try {
            byte[] bytes = serialize(state);
            Files.createDirectories(file.toAbsolutePath().getParent());
            atomicFile.write(file, bytes, MODE_0644);
        } catch (IOException e) {
            throw new StateStoreException("writing state file " + file + ": " + AtomicFile.reason(e), e);
        }
    }

    /** The exact bytes {@link #save} writes: pretty-printed JSON ending in a newline. */
    public byte[] serialize(DaemonState state) {
        return (StateJsonWriter.write(state) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The document stopped before it was complete: a write cut short rather than garbage. */
    private static boolean endsEarly(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException
                    || t.getMessage() != null && t.getMessage().contains("Unexpected end-of-input")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(Exception e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
