package io.mosnet.dhcp.v4;

import java.net.Inet4Address;
import java.util.function.Consumer;

/**
 * How DHCP messages leave and reach the client: the seam that tests replace with an in-memory pair. Messages are
 * whole DHCP payloads; the implementation adds and checks the link, IP and UDP layers.
 */
public interface Dhcp4Transport extends AutoCloseable {

    /** Starts delivering received DHCP payloads (UDP to port 68) to {@code receiver}, on any thread. */
    void start(Consumer<byte[]> receiver);

    /**
     * Sends to 255.255.255.255:67 in an Ethernet broadcast frame from {@code source}:68 (0.0.0.0 before the client
     * has an address, RFC 2131 section 4.1).
     */
    void broadcast(byte[] message, Inet4Address source);

    /** Sends to {@code server}:67 from {@code source}:68 through the host's IP stack (RENEWING, RFC 2131 4.4.5). */
    void unicast(byte[] message, Inet4Address source, Inet4Address server);

    /** Stops receiving and releases the sockets. */
    @Override
    void close();
}
