package io.mosnet.dhcp.v6;

import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what the client sends; hands out what the test queues. */
final class MemoryTransport implements Dhcp6Transport {

    record Sent(Dhcp6Message message, InetSocketAddress destination) {
    }

    final List<Sent> sent = new ArrayList<>();
    final LinkedBlockingQueue<Datagram> inbound = new LinkedBlockingQueue<>();
    boolean failSends;
    boolean closed;

    @Override
    public synchronized void send(byte[] message, InetSocketAddress destination) throws java.io.IOException {
        if (failSends) {
            throw new java.io.IOException("Cannot assign requested address");
        }
        sent.add(new Sent(Dhcp6Message.parse(message), destination));
    }

    @Override
    public Optional<Datagram> receive(Duration timeout) {
        try {
            return Optional.ofNullable(inbound.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    synchronized Sent last() {
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent");
        }
        return sent.getLast();
    }

    synchronized int count() {
        return sent.size();
    }
}
