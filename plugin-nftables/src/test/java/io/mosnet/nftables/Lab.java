package io.mosnet.nftables;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for one test class: names unique to the run ({@code mt-XXXXXX-role}), created through
 * {@code ip netns add} and all deleted by {@link #close()}, whatever happened. Sockets are opened by the JVM
 * itself on a thread that joined a namespace, so no listener process has to be started or stopped.
 */
final class Lab implements AutoCloseable {

    private final String prefix = "mt-" + UUID.randomUUID().toString().substring(0, 6);
    private final List<String> namespaces = new ArrayList<>();

    Lab() {
        for (String tool : List.of("ip", "nft")) {
            if (!onPath(tool)) {
                throw new AssertionError(tool + " is not installed; the nftables namespace tests need it");
            }
        }
    }

    /** Creates namespace {@code PREFIX-role} with loopback up and returns its name. */
    String namespace(String role) {
        String name = prefix + "-" + role;
        run("ip", "netns", "add", name);
        namespaces.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** A veth pair between two namespaces, both ends up. */
    void veth(String ns1, String name1, String ns2, String name2) {
        run("ip", "-n", ns1, "link", "add", name1, "type", "veth", "peer", "name", name2, "netns", ns2);
        run("ip", "-n", ns1, "link", "set", name1, "up");
        run("ip", "-n", ns2, "link", "set", name2, "up");
    }

    void address(String ns, String dev, String cidr) {
        if (cidr.contains(":")) {
            run("ip", "-n", ns, "addr", "add", cidr, "dev", dev, "nodad");
        } else {
            run("ip", "-n", ns, "addr", "add", cidr, "dev", dev);
        }
    }

    /** The MAC of {@code dev} in {@code ns}. */
    String mac(String ns, String dev) {
        return exec(ns, "cat", "/sys/class/net/" + dev + "/address").strip();
    }

    /** Runs {@code command} inside {@code ns} ({@code ip netns exec}); fails with its output on a non-zero exit. */
    String exec(String ns, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    /** Runs {@code command} inside {@code ns}; the exit status, for commands expected to fail. */
    int status(String ns, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        argv.addAll(List.of(command));
        return execute(argv).status;
    }

    /** Calls {@code body} on a fresh platform thread that joined {@code ns}; sockets it opens belong there. */
    static <T> T inNamespace(String ns, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            LinuxNative.enterNetworkNamespace("/run/netns/" + ns);
            return body.call();
        });
        Thread.ofPlatform().name("test-netns-" + ns).daemon().start(task);
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
    static ServerSocket listen(String ns, int port) throws Exception {
        return inNamespace(ns, () -> {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(port));
            server.setSoTimeout(5000);
            return server;
        });
    }

    /** Connects from {@code ns}; true when the handshake completed within the timeout. */
    static boolean connects(String ns, String address, int port, int timeoutMillis) throws Exception {
        return inNamespace(ns, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new java.net.InetSocketAddress(address, port), timeoutMillis);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            execute(List.of("ip", "netns", "del", ns));
        }
        namespaces.clear();
    }

    private String run(String... argv) {
        Result r = execute(List.of(argv));
        if (r.status != 0) {
            throw new AssertionError(String.join(" ", argv) + " exited " + r.status + ": " + r.output);
        }
        return r.output;
    }

    private record Result(int status, String output) {
    }

    private static Result execute(List<String> argv) {
        try {
            // Output goes to a file so that a long listing cannot fill the pipe and stall the command.
            Path out = Files.createTempFile("mosnet-lab", ".out");
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", argv) + " did not finish within 30 s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", argv), e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (new java.io.File(dir, tool).canExecute()) {
                return true;
            }
        }
        return new java.io.File("/usr/sbin/" + tool).canExecute() || new java.io.File("/sbin/" + tool).canExecute();
    }
}
