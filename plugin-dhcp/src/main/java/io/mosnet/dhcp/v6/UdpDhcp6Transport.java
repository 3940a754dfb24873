package io.mosnet.dhcp.v6;

import io.mosnet.api.net.IpAddresses;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * UDP on {@code [link-local%iface]:546} (RFC 8415 section 7.2) through a plain {@link DatagramChannel}: multicast
 * goes out on the interface (IP_MULTICAST_IF) to ff02::1:2 with the interface's scope, and servers answer by
 * unicast to the link-local address.
 *
 * <p>The socket is opened lazily, on the first send, and again after a failure: at boot the bridge's link-local
 * address is still tentative (duplicate address detection, RFC 4862) and cannot be bound; the client's
 * retransmission then simply tries again a second later instead of the whole source failing to start.
 */
public final class UdpDhcp6Transport implements Dhcp6Transport {

    public static final int CLIENT_PORT = 546;
    public static final int SERVER_PORT = 547;
    private static final int MAX_DATAGRAM = 65_535;

    private final String iface;
    private final int clientPort;
    private DatagramChannel channel;
    private Selector selector;
    private NetworkInterface nif;
    private boolean closed;

    public UdpDhcp6Transport(String iface) {
        this(iface, CLIENT_PORT);
    }

    /** With another local port (tests that cannot take 546). */
    public UdpDhcp6Transport(String iface, int clientPort) {
        this.iface = iface;
        this.clientPort = clientPort;
    }

    /** The first link-local IPv6 address of {@code nif}, with its scope. */
    static Optional<Inet6Address> linkLocal(NetworkInterface nif) {
        return nif.inetAddresses().filter(a -> a instanceof Inet6Address && a.isLinkLocalAddress())
                .map(a -> (Inet6Address) a).findFirst();
    }

    private synchronized DatagramChannel open() throws IOException {
        if (closed) {
            throw new IOException("the DHCPv6 socket on " + iface + " is closed");
        }
        if (channel != null) {
            return channel;
        }
        NetworkInterface n = NetworkInterface.getByName(iface);
        if (n == null) {
            throw new IOException("no interface named '" + iface + "'");
        }
        Inet6Address local = linkLocal(n).orElseThrow(() ->
                new IOException(iface + " has no IPv6 link-local address yet"));
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET6);
        try {
            // No SO_REUSEADDR: a second DHCPv6 client on this interface must fail here, loudly, rather than
            // silently take half of the replies.
            ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, n);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false);
            ch.bind(new InetSocketAddress(local, clientPort));
            ch.configureBlocking(false);
            Selector s = Selector.open();
            ch.register(s, SelectionKey.OP_READ);
            channel = ch;
            selector = s;
            nif = n;
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("binding [" + IpAddresses.format(local) + "%" + iface + "]:" + clientPort + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] message, InetSocketAddress destination) throws IOException {
        DatagramChannel ch = open();
        InetSocketAddress to = destination;
        if (destination.getAddress() instanceof Inet6Address a && a.getScopeId() == 0
                && (a.isLinkLocalAddress() || a.isMulticastAddress())) {
            // Link-scoped destinations need the interface as their scope.
            to = new InetSocketAddress(Inet6Address.getByAddress(null, a.getAddress(), nif), destination.getPort());
        }
        try {
            ch.send(ByteBuffer.wrap(message), to);
        } catch (IOException e) {
            throw new IOException("sending " + message.length + " bytes to " + to + " from " + iface + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Datagram> receive(Duration timeout) throws IOException {
        DatagramChannel ch;
        Selector s;
        synchronized (this) {
            ch = channel;
            s = selector;
            if (closed) {
                throw new IOException("the DHCPv6 socket on " + iface + " is closed");
            }
        }
        if (ch == null) {
            // Not open yet: the first send opens it. Wait as a receive would, without spinning.
            try {
                Thread.sleep(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting on " + iface, e);
            }
            return Optional.empty();
        }
        s.select(Math.max(1, timeout.toMillis()));
        s.selectedKeys().clear();
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
        InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
        if (from == null) {
            return Optional.empty();
        }
        buf.flip();
        return Optional.of(new Datagram(Arrays.copyOf(buf.array(), buf.limit()), from));
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing a datagram socket has nothing to flush; there is nothing left to do about it.
        }
    }

    @Override
    public String toString() {
        return "udp6 " + iface + ":" + clientPort;
    }
}
