package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import io.mosnet.runtime.rpc.JsonNumber;
import io.mosnet.runtime.rpc.MalformedJsonException;
import io.mosnet.runtime.rpc.PlainJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file ({@code /var/cache/etc/mosnet.json} by default): the daemon's {@link DaemonState} as JSON, written
 * atomically on every change and read back at start so that a restart adopts what is configured.
 *
 * <p>Reading never throws on what the file contains: a corrupt, truncated or other-schema file is logged and
 * reported as a {@link StateLoadResult} that the daemon treats as "no state". Neither reading nor writing uses
 * Jackson ({@link StateJsonReader}, {@link StateJsonWriter}): its classes would cost every start of the daemon.
 */
public final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    public static final Path DEFAULT_PATH = Path.of("/var/cache/etc/mosnet.json");
    private static final Set<PosixFilePermission> MODE_0644 = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final Path file;
    private final AtomicFile atomicFile;

    public StateStore(Path file) {
        this(file, new AtomicFile());
    }

    StateStore(Path file, AtomicFile atomicFile) {
        this.file = file;
        this.atomicFile = atomicFile;
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
        return parse(file, bytes);
    }

    /**
     * Parses state JSON; exposed so that the CLI's {@code verify --state-file} judges a file the same way. Never
     * throws on what {@code bytes} hold.
     */
    public static StateLoadResult parse(Path file, byte[] bytes) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return StateLoadResult.rejected(StateLoadResult.Status.TRUNCATED, file, "file is empty");
        }
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        CoderResult coded = utf8.decode(in, chars, true);
        if (coded.isError()) {
            int at = in.position();
            if (incompleteSequence(bytes, at)) {
                return StateLoadResult.rejected(StateLoadResult.Status.TRUNCATED, file, "truncated after "
                        + bytes.length + " bytes: incomplete UTF-8 sequence at byte " + at);
            }
            return StateLoadResult.rejected(StateLoadResult.Status.CORRUPT, file,
                    "not JSON: invalid UTF-8 at byte " + at);
        }
        utf8.flush(chars);
        String text = chars.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark from an editor, which Jackson skips too
        }
        Object tree;
        try {
            tree = PlainJson.parse(text);
        } catch (MalformedJsonException e) {
            if (endsEarly(e, text)) {
                return StateLoadResult.rejected(StateLoadResult.Status.TRUNCATED, file,
                        "truncated after " + bytes.length + " bytes: " + e.getMessage());
            }
            return StateLoadResult.rejected(StateLoadResult.Status.CORRUPT, file, "not JSON: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> document)) {
            return StateLoadResult.rejected(StateLoadResult.Status.CORRUPT, file, "not a JSON object");
        }
        Integer version = document.get("schemaVersion") instanceof JsonNumber n ? intValue(n) : null;
        if (version == null) {
            return StateLoadResult.rejected(StateLoadResult.Status.SCHEMA_MISMATCH, file,
                    "no integer schemaVersion (expected " + DaemonState.SCHEMA_VERSION + ")");
        }
        if (version != DaemonState.SCHEMA_VERSION) {
            return StateLoadResult.rejected(StateLoadResult.Status.SCHEMA_MISMATCH, file,
                    "schemaVersion " + version + ", this mosnet reads " + DaemonState.SCHEMA_VERSION);
        }
        try {
            return StateLoadResult.loaded(file, StateJsonReader.read(document));
        } catch (InvalidStateException | RuntimeException e) {
            // RuntimeException: the reader turns what it meets into InvalidStateException; should it ever miss
            // something, a state file still must not stop the daemon from starting.
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

    /**
     * The document stopped before it was complete, a write cut short rather than garbage: {@link PlainJson} met the
     * end of the text, or inside a string, or what is left from where it stopped is the start of a literal.
     */
    private static boolean endsEarly(MalformedJsonException e, String text) {
        String m = e.getMessage();
        int mark = m.lastIndexOf(" at offset ");
        if (mark < 0) {
            return false;
        }
        int at;
        try {
            at = Integer.parseInt(m.substring(mark + " at offset ".length()));
        } catch (NumberFormatException notPlainJsonsFormat) {
            return false;
        }
        if (at < 0 || at > text.length()) {
            return false;
        }
        String rest = text.substring(at);
        boolean literal = !m.contains("after the value")
                && ("true".startsWith(rest) || "false".startsWith(rest) || "null".startsWith(rest));
        // Both are only said when the text ends inside the string (after a lone backslash, say).
        boolean inString = m.startsWith("unterminated string") || m.startsWith("truncated \\u escape");
        return rest.isEmpty() || literal || inString;
    }

    /** The bytes from {@code at} to the end are the start of a UTF-8 sequence, cut short. */
    private static boolean incompleteSequence(byte[] bytes, int at) {
        int lead = bytes[at] & 0xff;
        int length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
        int left = bytes.length - at;
        if (length == 0 || left >= length) {
            return false;
        }
        for (int i = at + 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The value as an int when it is an integer that fits, as Jackson's IntNode; else null. */
    private static Integer intValue(JsonNumber n) {
        if (!n.integral() || n.text().length() > 11) {
            return null;
        }
        try {
            return Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
