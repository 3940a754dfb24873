package io.mosnet.runtime.daemon;

import io.mosnet.runtime.netlink.UnixDatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the service manager how mosnetd is doing, in the sd_notify(3) protocol: {@code READY=1} once the network is
 * up (so that a {@code Type=notify} unit orders network-online.target after the real network), {@code STATUS=} lines
 * while configuring or retrying, and {@code STOPPING=1} on SIGTERM. Without {@code NOTIFY_SOCKET} (OpenRC, a shell)
 * it does nothing. A failed notification is logged and otherwise ignored: the network matters more than the
 * service manager's view of it.
 */
public final class ServiceNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNotifier.class);

    /** Delivers one datagram; a seam so that tests see the messages without a socket. */
    @FunctionalInterface
    public interface Transport {
        void send(String address, byte[] payload);
    }

    private final String address;
    private final Transport transport;
    private boolean readySent;

    ServiceNotifier(String address, Transport transport) {
        this.address = address;
        this.transport = transport;
    }

    /** A notifier for {@code NOTIFY_SOCKET} in {@code environment}; inactive when it is unset or empty. */
    public static ServiceNotifier fromEnvironment(Map<String, String> environment) {
        String socket = environment.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return new ServiceNotifier(null, null);
        }
        if (socket.charAt(0) != '/' && socket.charAt(0) != '@') {
            // systemd also knows vsock: addresses (for VMs); mosnetd runs on the host, where they do not occur.
            LOG.warn("NOTIFY_SOCKET '{}' is neither a path nor an abstract name; not notifying the service manager",
                    socket);
            return new ServiceNotifier(null, null);
        }
        return new ServiceNotifier(socket, (to, payload) -> {
            try (UnixDatagramSocket s = UnixDatagramSocket.open()) {
                s.send(to, payload);
            }
        });
    }

    /** Whether a service manager listens. */
    public boolean active() {
        return address != null;
    }

    /** The network is up: {@code READY=1}, sent once however often the daemon reaches its running phase. */
    public synchronized void ready(String status) {
        if (readySent) {
            status(status);
            return;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("READY", "1");
        m.put("STATUS", status);
        if (notify(m)) {
            readySent = true;
        }
    }

    /** A one-line status shown by {@code systemctl status}. */
    public synchronized void status(String status) {
        notify(Map.of("STATUS", status));
    }

    /** SIGTERM arrived: the service manager sees the stop as intended. */
    public synchronized void stopping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("STOPPING", "1");
        m.put("STATUS", "stopping; the network stays configured");
        notify(m);
    }

    private boolean notify(Map<String, String> assignments) {
        if (address == null) {
            return false;
        }
        byte[] payload = message(assignments).getBytes(StandardCharsets.UTF_8);
        try {
            transport.send(address, payload);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot notify the service manager at {}: {}", address, e.getMessage());
            return false;
        }
    }

    /**
     * One notification: newline-separated {@code KEY=value} assignments (sd_notify(3)). A value cannot span lines,
     * so line breaks in it (a multi-line error) become "; ".
     */
    static String message(Map<String, String> assignments) {
        StringJoiner j = new StringJoiner("\n", "", "\n");
        assignments.forEach((k, v) -> j.add(k + "=" + v.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ")));
        return j.toString();
    }
}
