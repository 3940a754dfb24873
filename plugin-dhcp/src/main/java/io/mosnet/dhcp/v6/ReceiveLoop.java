package io.mosnet.dhcp.v6;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The thread that reads the transport and hands each datagram to the client until closed. */
final class ReceiveLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final String iface;
    private final Dhcp6Transport transport;
    private final Dhcp6Client client;
    private final Thread thread;
    private volatile boolean running = true;

    ReceiveLoop(String iface, Dhcp6Transport transport, Dhcp6Client client) {
        this.iface = iface;
        this.transport = transport;
        this.client = client;
        this.thread = Thread.ofPlatform().daemon().name("dhcpv6-" + iface).unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                Optional<Dhcp6Transport.Datagram> d = transport.receive(POLL);
                if (d.isPresent() && running) {
                    client.receive(d.get().data(), d.get().source());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // Keep listening: one bad receive (an ICMP error surfacing, a closed-then-reopened socket) must
                // not silence the client for the rest of the lease.
                LOG.warn("{}: receiving DHCPv6 failed: {}", iface, e.toString());
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
