package io.mosnet.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.mosnet.runtime.log.TinylogBackend;
import org.slf4j.event.Level;

/**
 * Sets tinylog up before the first log line: level from {@code --log-level} or {@code MOSNET_LOG}, the console
 * (standard error) and, when it can be written, a log file.
 */
public final class Logging {

    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    /**
     * How long lines are kept at most before tinylog is set up, unless {@link #release} comes first: the daemon's way
     * to the network takes less (about 40 ms after the JVM's start), and tinylog's set-up would only slow it.
     */
    static final long HOLD_MILLIS = 250;

    private Logging() {
    }

    /**
     * The log file's line format; also the console's when the console is the only log. No {class-name}: tinylog
     * finds it by walking the caller's stack on every line, a millisecond each while the JVM is cold, on the way to
     * the network; the messages name their subject (NIC, bridge, file) themselves.
     */
    private static final String DATED = "{date:yyyy-MM-dd'T'HH:mm:ss.SSSZ} {level} {message}";

    /**
     * @return a warning to log once logging works, or null
     */
    public static String configure(String level, Path logFile) {
        return configure(level, logFile, false);
    }

    /**
     * @param datedConsole give console lines the full date, for when a service manager (OpenRC's start-stop-daemon)
     *                     captures standard error as the log file
     * @return a warning to log once logging works, or null
     */
    public static String configure(String level, Path logFile, boolean datedConsole) {
        String lvl = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        String warning = null;
        if (!LEVELS.contains(lvl)) {
            warning = "log level '" + level + "' is not one of " + LEVELS + "; using info";
            lvl = "info";
        }
        Map<String, String> c = new LinkedHashMap<>();
        c.put("level", lvl);
        c.put("writer1", "console");
        c.put("writer1.stream", "err");
        c.put("writer1.format", datedConsole ? DATED : "{date:HH:mm:ss.SSS} {level} {message}");
        if (logFile != null) {
            if (writable(logFile)) {
                c.put("writer2", "file");
                c.put("writer2.file", logFile.toString());
                c.put("writer2.append", "true");
                c.put("writer2.buffered", "false");
                c.put("writer2.format", DATED);
            } else if (warning == null) {
                warning = "cannot write log file " + logFile + "; logging to the console only";
            }
        }
        c.put("writingthread", "false");
        // Unbuffered writers on the calling thread: nothing to flush, and the shutdown hook can still log.
        c.put("autoshutdown", "false");
        // tinylog sets itself up on a thread of its own; lines logged meanwhile wait for it (TinylogBackend).
        TinylogBackend.configureShared(c, lvl.equals("off") ? null : Level.valueOf(lvl.toUpperCase(Locale.ROOT)),
                HOLD_MILLIS);
        return warning;
    }

    /** The way to the network is over: tinylog is set up now and writes what was logged so far. */
    public static void release() {
        TinylogBackend.releaseShared();
    }

    /**
     * Waits up to {@code millis} until lines logged during tinylog's set-up are written: for a process about to
     * exit right after start-up (a configuration error, {@code --check}).
     */
    public static void flush(long millis) {
        try {
            TinylogBackend.awaitShared(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean writable(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return Files.isWritable(file) || (!Files.exists(file) && dir != null && Files.isWritable(dir));
        } catch (IOException e) {
            return false;
        }
    }
}
