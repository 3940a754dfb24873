package io.mosnet.api.net;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A raw link-layer socket (AF_PACKET) bound to one interface, for ARP, neighbour solicitation and DHCP before the
 * host has an address. Frames are whole Ethernet frames; the kernel filter given at open time decides what arrives.
 */
public interface PacketChannel extends Closeable {

    /** The interface this channel is bound to. */
    Link link();

    /** Sends one Ethernet frame (from position to limit). */
    void send(ByteBuffer frame);

    /**
     * Waits up to {@code timeout} for one frame and copies it into {@code into} (cleared first, flipped after).
     *
     * @return false on timeout
     */
    boolean receive(ByteBuffer into, Duration timeout);

    @Override
    void close();
}
