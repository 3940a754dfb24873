package io.mosnet.runtime.netlink;

import io.mosnet.api.net.Link;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * An AF_PACKET/SOCK_RAW socket bound to one interface. The socket is created with protocol 0, so it receives
 * nothing until it is bound; the filter is attached before the bind, so no unfiltered frame is ever queued.
 * Frames this host sends are not looped back (PACKET_IGNORE_OUTGOING). Binding costs milliseconds in the kernel,
 * so callers keep one channel per interface open rather than opening one per packet.
 */
final class PacketSocket implements PacketChannel {

    private static final int MAX_FRAME = 1 << 16;

    private final Link link;
    private final int fd;
    private final byte[] buffer = new byte[MAX_FRAME];
    private boolean closed;

    private PacketSocket(Link link, int fd) {
        this.link = link;
        this.fd = fd;
    }

    /** Opens the socket; must run in the link's network namespace. */
    static PacketSocket open(Link link, PacketFilter filter) {
        String on = " on " + link.name();
        int fd = LinuxNative.socket(LinuxNative.AF_PACKET, LinuxNative.SOCK_RAW, 0, "socket(AF_PACKET)" + on);
        try {
            LinuxNative.setIntOption(fd, LinuxNative.SOL_PACKET, LinuxNative.PACKET_IGNORE_OUTGOING, 1,
                    "setsockopt PACKET_IGNORE_OUTGOING" + on);
            LinuxNative.attachFilter(fd, PacketFilterProgram.of(filter), "attach " + filter + " filter" + on);
            LinuxNative.bindPacket(fd, link.index(), "bind AF_PACKET" + on);
            return new PacketSocket(link, fd);
        } catch (RuntimeException e) {
            LinuxNative.close(fd);
            throw e;
        }
    }

    @Override
    public Link link() {
        return link;
    }

    @Override
    public synchronized void send(ByteBuffer frame) {
        ensureOpen();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        LinuxNative.send(fd, bytes, bytes.length, "send " + bytes.length + "-byte frame on " + link.name());
    }

    @Override
    public boolean receive(ByteBuffer into, Duration timeout) {
        ensureOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        String what = "receive on " + link.name();
        while (true) {
            long left = deadline - System.nanoTime();
            int wait = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (left + 999_999) / 1_000_000));
            if (LinuxNative.pollReadable(new int[] {fd}, wait, what) < 0) {
                return false;
            }
            int n;
            synchronized (buffer) {
                n = LinuxNative.receive(fd, buffer, what);
                if (n >= 0) {
                    into.clear();
                    // A frame longer than the caller's buffer is cut to fit; filters keep such frames away.
                    into.put(buffer, 0, Math.min(Math.min(n, buffer.length), into.remaining()));
                    into.flip();
                    return true;
                }
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new NetworkException("packet channel on " + link.name() + " is closed", 9);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LinuxNative.close(fd);
        }
    }
}
