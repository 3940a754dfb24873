package io.mosnet.dhcp.v6;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Timers driven by {@link #advance}: due tasks run in due order on the test's thread, moving the clock to each. */
final class ManualTimers implements Timers {

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    ManualTimers(ManualClock clock) {
        this.clock = clock;
    }

    private final class Task implements Timer {
        final Instant due;
        final long seq;
        final Runnable run;

        Task(Instant due, long seq, Runnable run) {
            this.due = due;
            this.seq = seq;
            this.run = run;
        }

        @Override
        public void cancel() {
            tasks.remove(this);
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        Task t = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code d}, running every task that falls due on the way. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Optional<Task> next = tasks.stream().filter(t -> !t.due.isAfter(end))
                    .min(Comparator.<Task, Instant>comparing(t -> t.due).thenComparingLong(t -> t.seq));
            if (next.isEmpty()) {
                break;
            }
            Task t = next.get();
            tasks.remove(t);
            if (t.due.isAfter(clock.instant())) {
                clock.set(t.due);
            }
            t.run.run();
        }
        clock.set(end);
    }

    Optional<Instant> nextDue() {
        return tasks.stream().map(t -> t.due).min(Comparator.naturalOrder());
    }
}
