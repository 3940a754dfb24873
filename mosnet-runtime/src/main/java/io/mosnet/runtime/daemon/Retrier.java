package io.mosnet.runtime.daemon;

import io.mosnet.runtime.config.ConfigException;
import io.mosnet.runtime.plugin.PluginException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step until it succeeds, retrying transient failures (no carrier, no DHCP offer, netlink busy, OVS not ready)
 * forever with {@link Backoff}; fatal ones (bad configuration, a missing plugin) are thrown at once, since no retry
 * can fix them. Sleeping goes through {@link Sleeper} so that tests run without waiting.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** Waits; tests pass one that records the delays instead. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** A step to run; may throw anything. */
    public interface Step<T> {
        T run() throws Exception;
    }

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Consumer<String> onRetry;

    public Retrier(Backoff backoff, Sleeper sleeper, Consumer<String> onRetry) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.onRetry = onRetry;
    }

    /** Whether retrying can help: everything but configuration and plugin errors and programming errors. */
    public static boolean isTransient(Throwable t) {
        if (t instanceof ConfigException || t instanceof PluginException) {
            return false;
        }
        return t instanceof io.mosnet.api.plugin.MosnetException || t instanceof java.io.IOException
                || t instanceof java.io.UncheckedIOException;
    }

    /**
     * @param what what the step does, for the log ("configure static mode")
     * @throws Exception the first fatal failure, unchanged
     * @throws InterruptedException when the daemon is stopped while waiting
     */
    public <T> T run(String what, Step<T> step) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!isTransient(e)) {
                    throw e;
                }
                Duration d = backoff.delay(attempt);
                String msg = what + " failed (attempt " + attempt + "): " + e.getMessage() + "; retrying in "
                        + d.toMillis() + " ms";
                LOG.warn(msg);
                onRetry.accept(e.getMessage());
                sleeper.sleep(d);
            }
        }
    }
}
