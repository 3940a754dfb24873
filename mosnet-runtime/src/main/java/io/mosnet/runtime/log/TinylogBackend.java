package io.mosnet.runtime.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.event.Level;
import org.tinylog.configuration.Configuration;
import org.tinylog.core.LogEntry;
import org.tinylog.core.TinylogLoggingProvider;
import org.tinylog.provider.LoggingProvider;
import org.tinylog.provider.ProviderRegistry;
import org.tinylog.runtime.PreciseTimestamp;
import org.tinylog.writers.Writer;

/**
 * Where every log line goes: tinylog's logging provider, once it is set up. {@link #configureInBackground} hands the
 * set-up to a thread of its own, which may first hold off for a while; lines logged meanwhile are kept (in order,
 * with their level and exception) and written as soon as tinylog is ready, so a caller never waits for it. Used
 * before any configuration (tests, the CLI), the backend sets tinylog up on the spot, with tinylog's own defaults, as
 * slf4j-tinylog did.
 *
 * <p>Why hold off: tinylog's set-up is 15-20 ms of interpreted CPU (its service files, configuration, writers), and on
 * a two-core machine it ran beside the daemon's way to the network, slowing it by 7 ms. The daemon
 * {@link #release}s it once the network is configured; the hold ends by itself after a bound, so lines are never
 * later than that when the way to the network is slow (a DHCP server that takes seconds).
 *
 * <p>Kept lines carry the time they were logged: they go to tinylog's writers as entries of their own, dated then.
 */
public final class TinylogBackend {

    /** Frames between tinylog's log call and the caller; tinylog needs it only for location tokens, unused here. */
    private static final int DEPTH = 3;
    private static final TinylogBackend SHARED = new TinylogBackend(ProviderRegistry::getLoggingProvider);

    private final Supplier<LoggingProvider> setUp;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
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
     * Whether this process has logging set up or on its way (the daemon from its start; the CLI once it logs): a
     * caller that must not be the one to set it up, the JDK's own logging, asks this first.
     */
    static boolean sharedInUse() {
        return SHARED.inUse();
    }

    private synchronized boolean inUse() {
        return provider != null || kept != null;
    }

    /**
     * See {@link io.mosnet.runtime.Logging#configure}: applies {@code configuration} and sets tinylog up behind,
     * after {@link #releaseShared} or {@code holdMillis}, whichever comes first.
     *
     * @param minimum the configured level, null for {@code off}
     */
    public static void configureShared(Map<String, String> configuration, Level minimum, long holdMillis) {
        UtcZone.installIfAskedFor(); // before tinylog's date format asks for the default zone
        SHARED.configureInBackground(() -> Configuration.replace(configuration), minimum, holdMillis);
    }

    /** Ends the shared backend's hold: tinylog is set up, and what was kept written, now. */
    public static void releaseShared() {
        SHARED.release();
    }

    /**
     * Ends the hold and waits (a bounded time) until the shared backend has written what it kept; for a process
     * about to exit.
     */
    public static void awaitShared(long millis) throws InterruptedException {
        SHARED.await(millis);
    }

    /** {@link #configureInBackground(Runnable, Level, long)} with no hold. */
    void configureInBackground(Runnable configure, Level minimum) {
        configureInBackground(configure, minimum, 0);
    }

    /**
     * Runs {@code configure} and then tinylog's set-up on a new thread, once {@link #release}d or {@code holdMillis}
     * after this call; until it is done, lines at {@code minimum} and above are kept (none when it is null). Does
     * nothing if tinylog is already set up or being set up.
     */
    void configureInBackground(Runnable configure, Level minimum, long holdMillis) {
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
                holdOff(holdMillis);
                configure.run();
                p = setUp.get();
            } finally {
                finish(p);
            }
        });
    }

    private void holdOff(long millis) {
        try {
            released.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nothing interrupts this thread; if something did, set up now
        }
    }

    /** Ends the hold of {@link #configureInBackground}, if any. */
    void release() {
        released.countDown();
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
                            kept.add(Line.now(level, message, throwable));
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
        release();
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
                batch.add(Line.now(Level.WARN, lost + " log lines were dropped while tinylog was being set up (more "
                        + "than " + MAX_KEPT + " kept)", null));
            }
            for (Line line : batch) {
                if (p != null) {
                    write(p, line);
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

    /**
     * A kept line, dated when it was logged: straight to tinylog's writers, as its provider would have passed it
     * then (only a provider other than tinylog's own, a test's, gets it through {@code log}, dated now).
     */
    private static void write(LoggingProvider p, Line line) {
        org.tinylog.Level level = tinylog(line.level);
        if (!(p instanceof TinylogLoggingProvider tinylog)) {
            p.log(DEPTH, null, level, line.throwable, null, line.message);
            return;
        }
        LogEntry entry = new LogEntry(new PreciseTimestamp(line.epochMillis, line.nanosOfMilli), line.thread,
                Map.of(), null, null, null, -1, null, level, line.message, line.throwable);
        for (Writer w : tinylog.getWriters(null, level)) {
            try {
                w.write(entry);
            } catch (Exception e) {
                System.err.println("mosnet: writing a log line to " + w.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }

    private record Line(Level level, String message, Throwable throwable, Thread thread, long epochMillis,
            long nanosOfMilli) {

        static Line now(Level level, String message, Throwable throwable) {
            Instant t = Instant.now();
            return new Line(level, message, throwable, Thread.currentThread(),
                    t.getEpochSecond() * 1000 + t.getNano() / 1_000_000, t.getNano() % 1_000_000);
        }
    }
}
