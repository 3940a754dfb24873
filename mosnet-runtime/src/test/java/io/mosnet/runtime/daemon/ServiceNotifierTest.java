package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.runtime.netlink.UnixDatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNotifierTest {

    private final List<String> sent = new ArrayList<>();
    private final ServiceNotifier notifier = new ServiceNotifier("@test",
            (to, payload) -> sent.add(to + " " + new String(payload, StandardCharsets.UTF_8)));

    @Test
    void buildsNewlineSeparatedAssignments() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("READY", "1");
        m.put("STATUS", "running");
        assertEquals("READY=1\nSTATUS=running\n", ServiceNotifier.message(m));
    }

    @Test
    void foldsLineBreaksInAValueIntoOneLine() {
        assertEquals("STATUS=retrying: no answer; from eth0\n",
                ServiceNotifier.message(Map.of("STATUS", "retrying: no answer\n  from eth0\n")));
    }

    @Test
    void sendsReadyOnceAndStatusAfterwards() {
        notifier.status("configuring static mode");
        notifier.ready("running");
        notifier.ready("running again");
        notifier.stopping();
        assertEquals(List.of("@test STATUS=configuring static mode\n", "@test READY=1\nSTATUS=running\n",
                "@test STATUS=running again\n", "@test STOPPING=1\nSTATUS=stopping; the network stays configured\n"),
                sent);
    }

    @Test
    void retriesReadyWhenTheFirstAttemptFailed() {
        List<String> delivered = new ArrayList<>();
        boolean[] fail = {true};
        ServiceNotifier n = new ServiceNotifier("/run/notify", (to, payload) -> {
            if (fail[0]) {
                throw new IllegalStateException("Connection refused");
            }
            delivered.add(new String(payload, StandardCharsets.UTF_8));
        });
        n.ready("running");
        fail[0] = false;
        n.ready("running");
        assertEquals(List.of("READY=1\nSTATUS=running\n"), delivered);
    }

    @Test
    void isInactiveWithoutNotifySocketOrWithAnAddressItCannotReach() {
        assertFalse(ServiceNotifier.fromEnvironment(Map.of()).active());
        assertFalse(ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "")).active());
        assertFalse(ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234")).active());
        ServiceNotifier.fromEnvironment(Map.of()).ready("nobody listens"); // and does not fail
    }

    @Test
    void deliversToAnAbstractSocket() {
        String name = "@mosnet-notify-test-" + UUID.randomUUID();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(name)) {
            ServiceNotifier n = ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", name));
            assertTrue(n.active());
            n.ready("running: static mode");
            byte[] got = receiver.receive(Duration.ofSeconds(5)).orElseThrow();
            assertEquals("READY=1\nSTATUS=running: static mode\n", new String(got, StandardCharsets.UTF_8));
        }
    }

    @Test
    void deliversToASocketFile(@TempDir Path dir) {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(path)) {
            ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path)).stopping();
            byte[] got = receiver.receive(Duration.ofSeconds(5)).orElseThrow();
            assertTrue(new String(got, StandardCharsets.UTF_8).startsWith("STOPPING=1\n"));
        }
    }
}
