package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Where a handle's sockets are made and its /proc/sys files are read: the caller's own network namespace, or a
 * named one. For a named namespace a dedicated platform thread enters it once with setns(2) and stays there until
 * the handle closes; every socket is created on that thread (a socket belongs to the namespace it was created in,
 * and keeps working from any thread afterwards), and sysctl I/O runs on it too, because /proc/sys/net shows the
 * namespace of the task that opens the file. Keeping the thread parked avoids switching a shared thread back and
 * forth, which could leave it in the wrong namespace after a failure.
 */
final class NetworkNamespace implements AutoCloseable {

    /** Tells the parked thread to end; nothing is queued after it (see {@link #close()}). */
    private static final Runnable STOP = () -> { };

    private final String name;
    private final BlockingQueue<Runnable> tasks;
    private final Thread thread;
    private boolean closed;

    private NetworkNamespace(String name, BlockingQueue<Runnable> tasks, Thread thread) {
        this.name = name;
        this.tasks = tasks;
        this.thread = thread;
    }

    static NetworkNamespace current() {
        return new NetworkNamespace(null, null, null);
    }

    /** Enters /run/netns/NAME on a new thread; fails with the errno of open(2) or setns(2). */
    static NetworkNamespace named(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new NetworkException("'" + name + "' is not a network namespace name", 22);
        }
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CompletableFuture<Void> entered = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().daemon().name("netns-" + name).unstarted(() -> {
            try {
                LinuxNative.enterNetworkNamespace("/run/netns/" + name, "enter network namespace " + name);
                entered.complete(null);
            } catch (RuntimeException e) {
                entered.completeExceptionally(e);
                return;
            }
            try {
                while (true) {
                    Runnable r = tasks.take();
                    if (r == STOP) {
                        return;
                    }
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        NetworkNamespace ns = new NetworkNamespace(name, tasks, t);
        ns.await(entered, "enter network namespace " + name);
        return ns;
    }

    /** The namespace name, or null for the caller's own namespace. */
    String name() {
        return name;
    }

    /** Runs {@code work} inside the namespace and returns its result; its exceptions reach the caller. */
    <T> T call(Supplier<T> work) {
        if (thread == null || Thread.currentThread() == thread) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (this) {
            // Checked under the lock that close() takes, so no task can be queued behind STOP and wait forever.
            if (closed || !thread.isAlive()) {
                throw new NetworkException("network namespace " + name + ": its handle is closed", 9);
            }
            tasks.add(() -> {
                try {
                    result.complete(work.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        }
        return await(result, "work in network namespace " + name);
    }

    private <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new NetworkException(what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(what + ": interrupted", 4, e);
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null && !closed) {
            closed = true;
            tasks.add(STOP);
        }
    }
}
