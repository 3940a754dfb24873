package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.NetworkException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {

    private static byte[] family() {
        return ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) 1).array();
    }

    @Test
    void encodesAPathWithItsTerminatingNul() {
        byte[] sa = UnixDatagramSocket.encodeAddress("/run/n");
        assertArrayEquals(new byte[] {family()[0], family()[1], '/', 'r', 'u', 'n', '/', 'n', 0}, sa);
    }

    @Test
    void encodesAnAbstractNameWithALeadingNulAndNoTerminator() {
        byte[] sa = UnixDatagramSocket.encodeAddress("@sd");
        assertArrayEquals(new byte[] {family()[0], family()[1], 0, 's', 'd'}, sa);
    }

    @Test
    void rejectsAddressesTheKernelCannotTake() {
        assertThrows(NetworkException.class, () -> UnixDatagramSocket.encodeAddress(""));
        assertThrows(NetworkException.class, () -> UnixDatagramSocket.encodeAddress("@"));
        assertThrows(NetworkException.class, () -> UnixDatagramSocket.encodeAddress("run/notify"));
        assertThrows(NetworkException.class, () -> UnixDatagramSocket.encodeAddress("/" + "x".repeat(107)));
        assertEquals(2 + 108, UnixDatagramSocket.encodeAddress("/" + "x".repeat(106)).length);
    }

    @Test
    void carriesDatagramsBetweenSockets(@TempDir Path dir) {
        String path = dir.resolve("dgram").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(path);
             UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            sender.send(path, "one".getBytes(StandardCharsets.UTF_8));
            sender.send(path, "two".getBytes(StandardCharsets.UTF_8));
            assertEquals("one", new String(receiver.receive(Duration.ofSeconds(5)).orElseThrow(), StandardCharsets.UTF_8));
            assertEquals("two", new String(receiver.receive(Duration.ofSeconds(5)).orElseThrow(), StandardCharsets.UTF_8));
            assertTrue(receiver.receive(Duration.ofMillis(10)).isEmpty());
        }
    }

    @Test
    void namesTheAddressWhenNobodyListens() {
        String name = "@mosnet-nobody-" + UUID.randomUUID();
        try (UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            NetworkException e = assertThrows(NetworkException.class, () -> sender.send(name, new byte[] {1}));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("Connection refused"), e.getMessage());
        }
    }
}
