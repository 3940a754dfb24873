package io.mosnet.dhcp.v6;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The client's I/O seam: UDP from port 546 to servers on port 547. {@link UdpDhcp6Transport} is the real one; tests
 * use an in-memory pair fed with captured bytes.
 */
public interface Dhcp6Transport extends AutoCloseable {

    /** A received datagram and where it came from. */
    record Datagram(byte[] data, InetSocketAddress source) {
        public Datagram {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Sends one message; {@code destination} may be the link-scoped multicast group ff02::1:2. */
    void send(byte[] message, InetSocketAddress destination) throws IOException;

    /** Waits up to {@code timeout} for one datagram; empty when none came. */
    Optional<Datagram> receive(Duration timeout) throws IOException;

    /** Releases the socket; a blocked {@link #receive} returns. */
    @Override
    void close();
}
