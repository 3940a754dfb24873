package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes the latest {@link DaemonState} to the {@link StateStore} on a thread of its own, so that the daemon never
 * waits for JSON and fsync on its way to the network. Snapshots submitted while a write is in progress collapse into
 * the newest one: the file always ends up at the latest state, each write atomic, a few milliseconds behind.
 */
public final class StateWriter implements AutoCloseable {

    private final StateStore store;
    private final Consumer<RuntimeException> onFailure;
    private DaemonState pending;
    private boolean writing;
    private boolean closed;
    private boolean held;
    private long heldUntil;
    private Thread thread;

    /**
     * @param onFailure told of each failed write (the daemon logs it and runs on: the network matters more)
     */
    public StateWriter(StateStore store, Consumer<RuntimeException> onFailure) {
        this.store = store;
        this.onFailure = onFailure;
    }

    /** Queues {@code state} to be written, replacing any snapshot not yet written. */
    public synchronized void submit(DaemonState state) {
        if (closed) {
            throw new IllegalStateException("state writer for " + store.file() + " is closed");
        }
        pending = state;
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("mosnet-state").start(this::run);
        }
        notifyAll();
    }

    /**
     * Holds writes back for at most {@code max}, or until {@link #flush}: at start-up, where the snapshots change
     * every few milliseconds and each write's JSON would take CPU from the way to the network.
     */
    public synchronized void hold(Duration max) {
        held = true;
        heldUntil = System.nanoTime() + max.toNanos();
    }

    /** Ends a {@link #hold} and waits until every snapshot submitted so far has been written (or has failed). */
    public synchronized void flush() throws InterruptedException {
        held = false;
        notifyAll();
        while (pending != null || writing) {
            wait();
        }
    }

    /** Writes what is pending, then stops the thread; later submits are refused. */
    @Override
    public void close() throws InterruptedException {
        Thread t;
        synchronized (this) {
            flush();
            closed = true;
            notifyAll();
            t = thread;
        }
        if (t != null) {
            t.join();
        }
    }

    private void run() {
        while (true) {
            DaemonState next;
            synchronized (this) {
                while ((pending == null || held) && !closed) {
                    long left = held ? heldUntil - System.nanoTime() : 0;
                    if (held && left <= 0) {
                        held = false;
                        continue;
                    }
                    try {
                        wait(held ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)) : 0);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                next = pending;
                pending = null;
                writing = true;
            }
            try {
                store.save(next);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        }
    }
}
