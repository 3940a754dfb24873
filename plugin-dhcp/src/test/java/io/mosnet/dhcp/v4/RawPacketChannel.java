package io.mosnet.dhcp.v4;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.PacketChannel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Test-only AF_PACKET channel inside a named network namespace, standing in for the runtime's implementation in
 * {@link Dhcp4NamespaceTest}. The socket is created while the calling thread has joined the namespace (setns), then
 * the thread returns to its own; a socket stays in the namespace it was created in. It receives every frame
 * (no kernel filter): the transport drops what is not DHCP to port 68.
 */
final class RawPacketChannel implements PacketChannel {

    private interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] address, int length) throws LastErrorException;

        int if_nametoindex(String name) throws LastErrorException;

        int poll(byte[] fds, int count, int timeoutMillis) throws LastErrorException;

        long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;
    }

    private static final int AF_PACKET = 17;
    private static final int SOCK_RAW = 3;
    private static final int ETH_P_ALL = 0x0003;
    private static final int CLONE_NEWNET = 0x4000_0000;
    private static final int O_RDONLY = 0;
    private static final short POLLIN = 1;

    private final int fd;
    private final Link link;

    /** Moves the calling thread into a named network namespace until the returned handle is closed. */
    static AutoCloseable enter(String namespace) {
        int self = LibC.C.open("/proc/thread-self/ns/net", O_RDONLY);
        int target = LibC.C.open("/run/netns/" + namespace, O_RDONLY);
        try {
            LibC.C.setns(target, CLONE_NEWNET);
        } catch (LastErrorException e) {
            LibC.C.close(self);
            throw e;
        } finally {
            LibC.C.close(target);
        }
        return () -> {
            try {
                LibC.C.setns(self, CLONE_NEWNET);
            } finally {
                LibC.C.close(self);
            }
        };
    }

    RawPacketChannel(String namespace, String name, MacAddress mac) {
        int index;
        int sock;
        try (AutoCloseable inside = enter(namespace)) {
            index = LibC.C.if_nametoindex(name);
            sock = LibC.C.socket(AF_PACKET, SOCK_RAW, Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL)));
        } catch (Exception e) {
            throw new NetworkException("AF_PACKET socket on " + name + " in " + namespace + ": " + e.getMessage(), e);
        }
        ByteBuffer sll = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        sll.putShort((short) AF_PACKET);
        sll.order(ByteOrder.BIG_ENDIAN).putShort((short) ETH_P_ALL);
        sll.order(ByteOrder.nativeOrder()).putInt(index);
        try {
            LibC.C.bind(sock, sll.array(), 20);
        } catch (LastErrorException e) {
            LibC.C.close(sock);
            throw new NetworkException("bind AF_PACKET to " + name + " in " + namespace, e.getErrorCode(), e);
        }
        this.fd = sock;
        this.link = new Link(index, name, "veth", mac, 1500, true, true, 0);
    }

    @Override
    public Link link() {
        return link;
    }

    @Override
    public void send(ByteBuffer frame) {
        byte[] b = new byte[frame.remaining()];
        frame.duplicate().get(b);
        LibC.C.send(fd, b, b.length, 0);
    }

    @Override
    public boolean receive(ByteBuffer into, Duration timeout) {
        ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(POLLIN)
                .putShort((short) 0);
        if (LibC.C.poll(pollfd.array(), 1, (int) timeout.toMillis()) <= 0) {
            return false;
        }
        byte[] b = new byte[into.capacity()];
        long n = LibC.C.recv(fd, b, b.length, 0);
        into.clear();
        into.put(b, 0, (int) Math.min(n, into.capacity()));
        into.flip();
        return true;
    }

    @Override
    public void close() {
        LibC.C.close(fd);
    }
}
