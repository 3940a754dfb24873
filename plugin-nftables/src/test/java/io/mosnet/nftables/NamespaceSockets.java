package io.mosnet.nftables;

import io.mosnet.lab.Namespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Sockets opened by the JVM itself on a thread that joined a lab namespace, so no listener process has to be
 * started or stopped: a socket belongs to the namespace of the thread that creates it.
 */
final class NamespaceSockets {

    private NamespaceSockets() {
    }

    /** Calls {@code body} on a fresh platform thread that joined {@code ns}; sockets it opens belong there. */
    static <T> T inNamespace(Namespace ns, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            LinuxNative.enterNetworkNamespace("/run/netns/" + ns.name());
            return body.call();
        });
        Thread.ofPlatform().name("test-netns-" + ns.name()).daemon().start(task);
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A listening TCP socket on {@code port} of every address of {@code ns}. */
    static ServerSocket listen(Namespace ns, int port) throws Exception {
        return inNamespace(ns, () -> {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            server.setSoTimeout(5000);
            return server;
        });
    }

    /** Connects from {@code ns}; true when the handshake completed within the timeout. */
    static boolean connects(Namespace ns, String address, int port, int timeoutMillis) throws Exception {
        return inNamespace(ns, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), timeoutMillis);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
