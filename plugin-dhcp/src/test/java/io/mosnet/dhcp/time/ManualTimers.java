package io.mosnet.dhcp.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Timers driven by {@link #advance}: due tasks run in due order on the test's thread, moving the clock to each. */
public final class ManualTimers implements Timers {

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    public ManualTimers(ManualClock clock) {
        this.clock = clock;
    }

    private final class Task implements Timer {
        final Instant due;
        final long seq;
        final Runnable run;
        boolean cancelled;

        Task(Instant due, long seq, Runnable run) {
            this.due = due;
            this.seq = seq;
            this.run = run;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimers.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Task t = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        tasks.add(t);
        return t;
    }

    /**
     * Moves time forward by {@code d}, running every task that falls due on the way. Tasks run without this
     * object's lock held, so other threads (a real transport's reader) may schedule meanwhile.
     */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Task t;
            synchronized (this) {
                Optional<Task> next = tasks.stream().filter(x -> !x.due.isAfter(end))
                        .min(Comparator.<Task, Instant>comparing(x -> x.due).thenComparingLong(x -> x.seq));
                if (next.isEmpty()) {
                    break;
                }
                t = next.get();
                tasks.remove(t);
                if (t.due.isAfter(clock.instant())) {
                    clock.set(t.due);
                }
            }
            t.run.run();
        }
        clock.set(end);
    }

    /** When the next pending task is due, if any. */
    public synchronized Optional<Instant> nextDue() {
        return tasks.stream().map(t -> t.due).min(Comparator.naturalOrder());
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
