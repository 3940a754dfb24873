package io.mosnet.dhcp.time;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduling seam of the DHCPv4 client and probe and of the DHCPv6 client: one-shot tasks after a delay.
 * Production adapts the runtime's {@link ScheduledExecutorService}; tests use a manual implementation driven
 * together with their clock, so retransmissions and lease timers run in milliseconds.
 */
public interface Timers {

    /** A scheduled task that can be called off; cancelling twice or after it ran is harmless. */
    interface Timer {
        void cancel();
    }

    Timer schedule(Duration delay, Runnable task);

    static Timers of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }
}
