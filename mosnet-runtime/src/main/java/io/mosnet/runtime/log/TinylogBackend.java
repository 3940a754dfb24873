package io.mosnet.runtime.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.event.Level;
import org.tinylog.configuration.Configuration;
import org.tinylog.provider.LoggingProvider;
import org.tinylog.provider.ProviderRegistry;

/**
 * Where every log line goes: tinylog's logging provider, once it is set up. {@link #configureInBackground} hands the
 * set-up to a thread of its own; lines logged meanwhile are kept (in order, with their level and exception) and
 * written as soon as tinylog is ready, so a caller never waits for it. Used before any configuration (tests, the
 * CLI), the backend sets tinylog up on the spot, with tinylog's own defaults, as slf4j-tinylog did.
 *
 * <p>Kept lines are written with the time at which tinylog got them, a few tens of milliseconds late at most.
 */
public final class TinylogBackend {

    /** Frames between tinylog's log call and the caller; tinylog needs it only for location tokens, unused here. */
    private static final int DEPTH = 3;
    private static final TinylogBackend SHARED = new TinylogBackend(ProviderRegistry::getLoggingProvider);

    private final Supplier<LoggingProvider> setUp;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile LoggingProvider provider;
    /**
     * The least severe level any writer takes, read once the provider is set: tinylog's own {@code isEnabled} walks
     * the caller's stack on every call (for per-class levels, which mosnet does not configure).
     */
    private volatile int minimum;
    /** Lines kept at most while tinylog is being set up (normally a few dozen over some tens of milliseconds). */
    static final int MAX_KEPT = 10_000;

    /** Lines logged while tinylog is being set up; null when nothing is being set up. Guarded by this. */
    private List<Line> kept;
    private Level keptLevel;
    private int dropped;

    TinylogBackend(Supplier<LoggingProvider> setUp) {
        this.setUp = setUp;
    }

    static TinylogBackend shared() {
        return SHARED;
    }

    /**
     * See {@link io.mosnet.runtime.Logging#configure}: applies {@code configuration} and sets tinylog up behind.
     *
     * @param minimum the configured level, null for {@code off}
     */
    public static void configureShared(Map<String, String> configuration, Level minimum) {
        UtcZone.installIfAskedFor(); // before tinylog's date format asks for the default zone
        SHARED.configureInBackground(() -> Configuration.replace(configuration), minimum);
    }

    /** Waits (a bounded time) until the shared backend has written what it kept; for a process about to exit. */
    public static void awaitShared(long millis) throws InterruptedException {
        SHARED.await(millis);
    }

    /**
     * Runs {@code configure} and then tinylog's set-up on a new thread; until it is done, lines at {@code minimum}
     * and above are kept (none when it is null). Does nothing if tinylog is already set up or being set up.
     */
    void configureInBackground(Runnable configure, Level minimum) {
        synchronized (this) {
            if (provider != null || kept != null) {
                return;
            }
            kept = new ArrayList<>();
            keptLevel = minimum;
        }
        Thread.ofPlatform().daemon().name("mosnet-log-setup").start(() -> {
            LoggingProvider p = null;
            try {
                configure.run();
                p = setUp.get();
            } finally {
                finish(p);
            }
        });
    }

    boolean enabled(Level level) {
        LoggingProvider p = provider;
        if (p == null) {
            synchronized (this) {
                if (kept != null) {
                    return keptLevel != null && level.toInt() >= keptLevel.toInt();
                }
            }
            p = setUpHere();
        }
        return tinylog(level).ordinal() >= minimum;
    }

    void log(Level level, String message, Throwable throwable) {
        LoggingProvider p = provider;
        if (p == null) {
            synchronized (this) {
                if (kept != null) {
                    if (keptLevel != null && level.toInt() >= keptLevel.toInt()) {
                        if (kept.size() < MAX_KEPT) {
                            kept.add(new Line(level, message, throwable));
                        } else {
                            dropped++;
                        }
                    }
                    return;
                }
            }
            p = setUpHere();
        }
        p.log(DEPTH, null, tinylog(level), throwable, null, message);
    }

    void await(long millis) throws InterruptedException {
        synchronized (this) {
            if (kept == null) {
                return;
            }
        }
        ready.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Nothing configured: tinylog with its own defaults, now, on the caller's thread. */
    private LoggingProvider setUpHere() {
        LoggingProvider p = setUp.get();
        synchronized (this) {
            if (provider == null && kept == null) {
                minimum = minimumOf(p);
                provider = p;
            }
        }
        return p;
    }

    /**
     * Writes the kept lines in order, then lets callers through to tinylog directly. The lines are written outside
     * the lock, batch by batch, so that a thread logging meanwhile only adds to the next batch instead of waiting
     * for the file writes; the hand-over happens when a batch comes back empty.
     */
    private void finish(LoggingProvider p) {
        while (true) {
            List<Line> batch;
            int lost;
            synchronized (this) {
                batch = kept;
                lost = dropped;
                if (batch.isEmpty() && lost == 0) {
                    kept = null;
                    minimum = minimumOf(p);
                    provider = p;
                    ready.countDown();
                    return;
                }
                kept = new ArrayList<>();
                dropped = 0;
            }
            if (lost > 0) {
                batch.add(new Line(Level.WARN, lost + " log lines were dropped while tinylog was being set up (more "
                        + "than " + MAX_KEPT + " kept)", null));
            }
            for (Line line : batch) {
                if (p != null) {
                    p.log(DEPTH, null, tinylog(line.level), line.throwable, null, line.message);
                } else {
                    // The set-up failed (and said why on standard error): what was kept goes there too, not nowhere.
                    System.err.println(line.level + " " + line.message);
                }
            }
        }
    }

    /**
     * No provider (a failed set-up): nothing is enabled, kept lines went to standard error. A provider that names no
     * minimum: everything is enabled here and tinylog filters as it writes.
     */
    private static int minimumOf(LoggingProvider p) {
        if (p == null) {
            return Integer.MAX_VALUE;
        }
        org.tinylog.Level level = p.getMinimumLevel();
        return level == null ? 0 : level.ordinal();
    }

    private static org.tinylog.Level tinylog(Level level) {
        return switch (level) {
            case TRACE -> org.tinylog.Level.TRACE;
            case DEBUG -> org.tinylog.Level.DEBUG;
            case INFO -> org.tinylog.Level.INFO;
            case WARN -> org.tinylog.Level.WARN;
            case ERROR -> org.tinylog.Level.ERROR;
        };
    }

    private record Line(Level level, String message, Throwable throwable) {
    }
}
