package io.mosnet.runtime.rpc;

import io.mosnet.api.net.NetworkException;
import io.mosnet.runtime.netlink.UnixStreamConnection;
import io.mosnet.runtime.netlink.UnixStreamServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mosnetd's JSON-RPC 2.0 server on a Unix-domain socket. Framing: one JSON text per line (see the package
 * documentation). Each connection gets a virtual thread, so a client that stalls blocks only itself; a watchdog
 * closes connections that make no progress for {@link Builder#idleTimeout}, and at most
 * {@link Builder#maxConnections} are served at once.
 *
 * <pre>{@code
 * RpcRegistry registry = new RpcRegistry("mosnetd", version);
 * DaemonMethods.register(registry, daemonView);
 * RpcServer server = RpcServer.builder(Path.of("/run/mosnet/mosnet.sock"), registry).start();
 * ...
 * server.close();   // stops accepting, closes connections, removes the socket file
 * }</pre>
 */
public final class RpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    public static final Path DEFAULT_SOCKET = RpcClient.DEFAULT_SOCKET;
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    public static final String SOCKET_GROUP = "mosnet";
    private static final Set<PosixFilePermission> MODE_0660 = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);

    private final Path socket;
    private final UnixStreamServer server;
    private final RpcDispatcher dispatcher;
    private final PeerCredentials peerCredentials;
    private final Semaphore slots;
    private final int maxConnections;
    private final int maxMessageBytes;
    private final long idleNanos;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;
    private final Thread acceptor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RpcServer(Builder b, UnixStreamServer server) {
        this.socket = b.socket;
        this.server = server;
        this.dispatcher = new RpcDispatcher(b.registry);
        this.peerCredentials = b.peerCredentials;
        this.maxConnections = b.maxConnections;
        this.slots = new Semaphore(b.maxConnections);
        this.maxMessageBytes = b.maxMessageBytes;
        this.idleNanos = b.idleTimeout.toNanos();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mosnet-rpc-watchdog").factory());
        long period = Math.max(10, b.idleTimeout.toMillis() / 4);
        watchdog.scheduleAtFixedRate(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
        this.acceptor = Thread.ofPlatform().daemon().name("mosnet-rpc-accept").unstarted(this::acceptLoop);
    }

    public static Builder builder(Path socket, RpcRegistry registry) {
        return new Builder(socket, registry);
    }

    public Path socket() {
        return socket;
    }

    /** Connections being served now (each holds one of the {@code maxConnections} slots until it ends). */
    public int connectionCount() {
        return maxConnections - slots.availablePermits();
    }

    private void acceptLoop() {
        try {
            while (!closed.get()) {
                UnixStreamConnection client;
                try {
                    client = server.accept();
                } catch (NetworkException e) {
                    if (closed.get()) {
                        return; // shut down by close()
                    }
                    LOG.warn("accepting an API connection on {}: {}", socket, e.getMessage());
                    continue;
                }
                if (!slots.tryAcquire()) {
                    refuse(client);
                    continue;
                }
                Connection c = new Connection(client);
                connections.add(c);
                // Platform threads: a connection blocks in recv(2), which would pin a virtual thread's carrier.
                Thread.ofPlatform().daemon().name("mosnet-rpc-conn").start(c);
            }
        } finally {
            server.close();
        }
    }

    private void refuse(UnixStreamConnection client) {
        LOG.warn("refusing API connection: {} connections already open", maxConnections);
        try (client) {
            // Best effort: a client that does not read gets nothing, and the accept loop never waits for it.
            client.offer(line(dispatcher.errorResponse(RpcException.SERVER_BUSY,
                    "too many connections (" + maxConnections + "); try again")));
        } catch (NetworkException e) {
            LOG.debug("refused client went away: {}", e.getMessage());
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Connection c : connections) {
            if (!c.dispatching && now - c.lastProgress > idleNanos) {
                LOG.info("closing API connection of {}: no progress for {} ms", c.who(), idleNanos / 1_000_000);
                c.close();
            }
        }
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Stops accepting, closes every connection, removes the socket file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.shutdown(); // the acceptor wakes, sees closed and closes the socket
        connections.forEach(Connection::close);
        watchdog.shutdownNow();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("removing API socket {}: {}", socket, e.getMessage());
        }
        LOG.info("API socket {} closed", socket);
    }

    private final class Connection implements Runnable {
        private final UnixStreamConnection channel;
        private volatile long lastProgress = System.nanoTime();
        private volatile Caller caller;
        /** A slow method (verify) is the daemon's time, not the client's stall. */
        private volatile boolean dispatching;

        Connection(UnixStreamConnection channel) {
            this.channel = channel;
        }

        String who() {
            return caller == null ? "unidentified client" : "user " + caller.user();
        }

        @Override
        public void run() {
            try {
                caller = peerCredentials.identify(channel);
                serve();
                LOG.debug("API connection of {} closed", who());
            } catch (NetworkException e) {
                LOG.debug("API connection of {}: {}", who(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("API connection of {} failed", who(), e);
            } finally {
                channel.close();
                connections.remove(this);
                slots.release();
            }
        }

        private void serve() {
            byte[] data = new byte[64 * 1024];
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            while (true) {
                int n = channel.read(data);
                if (n < 0) {
                    return;
                }
                lastProgress = System.nanoTime();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (data[i] != '\n') {
                        continue;
                    }
                    if (pending.size() + (i - start) > maxMessageBytes) {
                        oversized();
                        return;
                    }
                    pending.write(data, start, i - start);
                    answer(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                    start = i + 1;
                }
                pending.write(data, start, n - start);
                if (pending.size() > maxMessageBytes) {
                    oversized();
                    return;
                }
            }
        }

        private void answer(String message) {
            if (message.isBlank()) {
                return;
            }
            Optional<String> response;
            dispatching = true;
            try {
                response = dispatcher.dispatch(message, caller);
            } finally {
                dispatching = false;
                lastProgress = System.nanoTime();
            }
            if (response.isPresent()) {
                write(response.get());
            }
        }

        private void oversized() {
            LOG.warn("API message of {} exceeds {} bytes: closing the connection", who(), maxMessageBytes);
            write(dispatcher.errorResponse(RpcException.INVALID_REQUEST,
                    "message exceeds " + maxMessageBytes + " bytes"));
        }

        private void write(String text) {
            channel.write(line(text));
            lastProgress = System.nanoTime();
        }

        /** Ends the connection: its own thread wakes from its read and closes the socket. */
        void close() {
            channel.shutdown();
        }
    }

    /** See {@link RpcDispatcher#prepare}: for a caller with time to spare, so that the first client does not wait. */
    public void prepare(Object sample) {
        dispatcher.prepare(sample);
    }

    /** Settings of a server; {@link #start()} binds the socket. */
    public static final class Builder {
        private final Path socket;
        private final RpcRegistry registry;
        private PeerCredentials peerCredentials = PeerCredentials.soPeerCred();
        private int maxConnections = 64;
        private int maxMessageBytes = MAX_MESSAGE_BYTES;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private String group = SOCKET_GROUP;

        private Builder(Path socket, RpcRegistry registry) {
            this.socket = socket;
            this.registry = registry;
        }

        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        public Builder maxMessageBytes(int n) {
            this.maxMessageBytes = n;
            return this;
        }

        /** A connection that neither sends nor accepts a byte for this long is closed. */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = d;
            return this;
        }

        /** How callers are identified; SO_PEERCRED by default. */
        public Builder peerCredentials(PeerCredentials p) {
            this.peerCredentials = p;
            return this;
        }

        /** The group given to the socket file when it exists; {@value RpcServer#SOCKET_GROUP} by default. */
        public Builder group(String g) {
            this.group = g;
            return this;
        }

        /**
         * Binds the socket (removing a stale socket file no server answers on), sets mode 0660 and the group, and
         * starts accepting.
         *
         * @throws RpcException when the socket cannot be bound or another server is live on it
         */
        public RpcServer start() {
            UnixStreamServer channel = null;
            try {
                Files.createDirectories(socket.toAbsolutePath().getParent());
                removeStale(socket);
                channel = UnixStreamServer.listen(socket, 64);
                protect(socket, group);
            } catch (IOException | NetworkException e) {
                if (channel != null) {
                    channel.close();
                }
                throw new RpcException(RpcException.INTERNAL_ERROR, "binding API socket " + socket + ": " + e, e);
            }
            RpcServer server = new RpcServer(this, channel);
            server.acceptor.start();
            LOG.info("API listening on {}", socket);
            return server;
        }

        private static void removeStale(Path socket) throws IOException {
            if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            String refusal = UnixStreamServer.refusal(socket)
                    .orElseThrow(() -> new IOException("another server is listening on it"));
            LOG.info("removing stale API socket {} ({})", socket, refusal);
            Files.delete(socket);
        }

        private static void protect(Path socket, String group) throws IOException {
            Files.getFileAttributeView(socket, PosixFileAttributeView.class).setPermissions(MODE_0660);
            OptionalInt gid = UnixStreamServer.groupId(group);
            if (gid.isPresent()) {
                Files.setAttribute(socket, "unix:gid", gid.getAsInt(), LinkOption.NOFOLLOW_LINKS);
            } else {
                LOG.debug("no group '{}': API socket {} stays root-only", group, socket);
            }
        }

    }
}
