package io.mosnet.ovs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A one-connection Unix socket server for client tests: {@code script} plays the daemon's side. */
public final class FakeUnixServer implements AutoCloseable {

    public interface Script {
        void run(InputStream in, OutputStream out) throws Exception;
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public FakeUnixServer(Path dir, Script script) throws IOException {
        this.path = dir.resolve("fake-" + System.nanoTime() + ".sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Thread t = new Thread(() -> {
            try (SocketChannel c = server.accept()) {
                script.run(Channels.newInputStream(c), Channels.newOutputStream(c));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }, "fake-unix-server");
        t.setDaemon(true);
        t.start();
    }

    public Path path() {
        return path;
    }

    /** Waits for the script to finish and rethrows what it threw. */
    public void awaitScript() throws Exception {
        done.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }
}
