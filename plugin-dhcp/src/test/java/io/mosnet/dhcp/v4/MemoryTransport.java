package io.mosnet.dhcp.v4;

import io.mosnet.dhcp.v4.message.DhcpMessage;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** An in-memory transport: records what the client sent and feeds it replies on the test's thread. */
final class MemoryTransport implements Dhcp4Transport {

    /** One message the client sent. */
    record Sent(DhcpMessage message, boolean broadcast, Inet4Address source, Inet4Address destination) {
    }

    final List<Sent> sent = new ArrayList<>();
    private Consumer<byte[]> receiver;
    boolean closed;
    RuntimeException failSends;
    /** When set, plays the server: its answer to each sent message (or null) is delivered at once. */
    java.util.function.Function<DhcpMessage, byte[]> responder;

    @Override
    public void start(Consumer<byte[]> receiver) {
        this.receiver = receiver;
    }

    @Override
    public void broadcast(byte[] message, Inet4Address source) {
        if (failSends != null) {
            throw failSends;
        }
        sent.add(new Sent(DhcpMessage.parse(message), true, source, null));
        respond();
    }

    private void respond() {
        if (responder != null) {
            byte[] answer = responder.apply(last().message());
            if (answer != null) {
                deliver(answer);
            }
        }
    }

    @Override
    public void unicast(byte[] message, Inet4Address source, Inet4Address server) {
        if (failSends != null) {
            throw failSends;
        }
        sent.add(new Sent(DhcpMessage.parse(message), false, source, server));
        respond();
    }

    void deliver(byte[] payload) {
        receiver.accept(payload);
    }

    Sent last() {
        return sent.getLast();
    }

    @Override
    public void close() {
        closed = true;
    }
}
