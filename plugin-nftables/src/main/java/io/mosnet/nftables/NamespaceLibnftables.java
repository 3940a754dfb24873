package io.mosnet.nftables;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs libnftables on a short-lived thread inside a named network namespace. Network namespaces belong to threads
 * (tasks), not processes, and libnftables opens its netlink socket in the namespace of the thread that runs the
 * command; a fresh platform thread per call means no pooled thread is ever left in a foreign namespace. Virtual
 * threads would not do: they move between carrier threads.
 */
final class NamespaceLibnftables implements Libnftables {

    private static final String NETNS_DIR = "/run/netns/";

    private final String name;
    private final Libnftables inside;

    NamespaceLibnftables(String name, Libnftables inside) {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a network namespace name");
        }
        this.name = name;
        this.inside = inside;
    }

    @Override
    public String run(String document) {
        FutureTask<String> task = new FutureTask<>(() -> {
            LinuxNative.enterNetworkNamespace(NETNS_DIR + name);
            return inside.run(document);
        });
        Thread thread = Thread.ofPlatform().name("nftables-netns-" + name).daemon().start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new NftablesException("interrupted while running libnftables in network namespace " + name, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // Keep libnftables' message as the message; the cause chain keeps the namespace thread's stack.
            throw new NftablesException("in network namespace " + name + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public String toString() {
        return "libnftables in network namespace " + name;
    }
}
