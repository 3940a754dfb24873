package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.NetworkException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** mosnet's own AF_UNIX stream socket, against the JDK's client channel. */
@Timeout(20)
class UnixStreamServerTest {

    @TempDir
    Path dir;

    private static SocketChannel connect(Path socket) throws Exception {
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    @Test
    void acceptsReadsWritesAndKnowsThePeer() throws Exception {
        Path socket = dir.resolve("api.sock");
        try (UnixStreamServer server = UnixStreamServer.listen(socket, 4);
             SocketChannel client = connect(socket);
             UnixStreamConnection c = server.accept()) {
            client.write(ByteBuffer.wrap("ping\n".getBytes(StandardCharsets.UTF_8)));
            byte[] buf = new byte[64];
            int n = c.read(buf);
            assertEquals("ping\n", new String(buf, 0, n, StandardCharsets.UTF_8));

            c.write("pong\n".getBytes(StandardCharsets.UTF_8));
            ByteBuffer in = ByteBuffer.allocate(64);
            client.read(in);
            assertEquals("pong\n", new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));

            UnixStreamConnection.Peer peer = c.peer();
            assertEquals(ProcessHandle.current().pid(), peer.pid());
            assertEquals(System.getProperty("user.name"), peer.user());
            if ("root".equals(peer.user())) {
                assertEquals(0, peer.uid());
                assertEquals("root", peer.group());
            }

            client.close();
            assertEquals(-1, c.read(buf), "the peer's close reads as the end");
        }
    }

    @Test
    void looksGroupsUpAsTheJdkDoes() throws Exception {
        var lookup = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
        for (String name : new String[] {"root", "daemon", "nogroup"}) {
            java.nio.file.attribute.GroupPrincipal jdk;
            try {
                jdk = lookup.lookupPrincipalByGroupName(name);
            } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                assertTrue(UnixStreamServer.groupId(name).isEmpty(), name);
                continue;
            }
            // The JDK's principal prints as the name; its id is what chown would set: compare through a file.
            Path f = Files.createFile(dir.resolve(name));
            if ("root".equals(System.getProperty("user.name"))) {
                Files.getFileAttributeView(f, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(jdk);
                assertEquals(Files.getAttribute(f, "unix:gid"), UnixStreamServer.groupId(name).getAsInt(), name);
            } else {
                assertTrue(UnixStreamServer.groupId(name).isPresent(), name);
            }
        }
        assertTrue(UnixStreamServer.groupId("no-such-group-mosnet").isEmpty());
    }

    @Test
    void aLargeWriteArrivesWhole() throws Exception {
        Path socket = dir.resolve("api.sock");
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        try (UnixStreamServer server = UnixStreamServer.listen(socket, 4);
             SocketChannel client = connect(socket);
             UnixStreamConnection c = server.accept()) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> c.write(big));
            ByteBuffer in = ByteBuffer.allocate(big.length);
            while (in.hasRemaining()) {
                client.read(in);
            }
            writing.get(10, TimeUnit.SECONDS);
            assertArrayEquals(big, in.array());
        }
    }

    @Test
    void shutdownEndsABlockedReadAndAfterCloseDoesNothing() throws Exception {
        Path socket = dir.resolve("api.sock");
        try (UnixStreamServer server = UnixStreamServer.listen(socket, 4);
             SocketChannel client = connect(socket)) {
            UnixStreamConnection c = server.accept();
            CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> c.read(new byte[16]));
            // Whether the read is already blocked in recv(2) or starts after this, it ends the same way.
            c.shutdown();
            assertEquals(-1, reading.get(10, TimeUnit.SECONDS));
            c.close();
            c.shutdown(); // a closed descriptor's number may be another socket's by now: left alone
            c.close();
        }
    }

    @Test
    void shutdownWakesABlockedAccept() throws Exception {
        Path socket = dir.resolve("api.sock");
        try (UnixStreamServer server = UnixStreamServer.listen(socket, 4)) {
            CompletableFuture<UnixStreamConnection> accepting = CompletableFuture.supplyAsync(server::accept);
            server.shutdown(); // before or during the accept: either ends it
            Exception e = assertThrows(Exception.class, () -> accepting.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof NetworkException, e.toString());
        }
    }

    @Test
    void tellsALiveServerFromAStaleSocketFile() throws Exception {
        Path socket = dir.resolve("api.sock");
        try (UnixStreamServer server = UnixStreamServer.listen(socket, 4)) {
            assertEquals(java.util.Optional.empty(), UnixStreamServer.refusal(socket));
        }
        assertTrue(Files.exists(socket), "closing the socket leaves its file");
        String refusal = UnixStreamServer.refusal(socket).orElseThrow();
        assertTrue(refusal.contains("Connection refused"), refusal);
        assertTrue(UnixStreamServer.refusal(dir.resolve("none.sock")).orElseThrow().contains("No such file"));
    }

    @Test
    void bindingAnExistingPathSaysSo() throws Exception {
        Path socket = dir.resolve("api.sock");
        Files.writeString(socket, "in the way");
        NetworkException e = assertThrows(NetworkException.class, () -> UnixStreamServer.listen(socket, 4));
        assertTrue(e.getMessage().contains("bind " + socket) && e.getMessage().contains("Address already in use"),
                e.getMessage());
    }
}
