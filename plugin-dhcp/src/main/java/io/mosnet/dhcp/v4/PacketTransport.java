package io.mosnet.dhcp.v4;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import io.mosnet.dhcp.v4.message.EthernetFrameCodec;
import io.mosnet.dhcp.v4.message.UdpDatagram;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.Ipv4;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production transport: a raw packet channel ({@link PacketFilter#DHCPV4_CLIENT}) for everything the client
 * sends by broadcast and for every reply (the filter passes IPv4 UDP to port 68, unicast to the client's MAC
 * included, so replies arrive before the host has an address), and a UDP socket bound to the leased address for
 * the unicast DHCPREQUEST of RENEWING. That socket is never read: replies are taken from the packet channel, the
 * socket only keeps the kernel from answering them with ICMP port unreachable.
 */
final class PacketTransport implements Dhcp4Transport {

    private static final Logger LOG = LoggerFactory.getLogger(PacketTransport.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_FRAME = 65_536;

    private final PacketChannel channel;
    private final String link;
    private final MacAddress mac;
    private volatile boolean running;
    private Thread reader;
    private DatagramChannel udp;
    private Inet4Address udpSource;

    PacketTransport(HostNetwork network, String link, MacAddress mac) {
        this.channel = network.openPacketChannel(link, PacketFilter.DHCPV4_CLIENT);
        this.link = link;
        this.mac = mac;
    }

    @Override
    public synchronized void start(Consumer<byte[]> receiver) {
        if (running) {
            throw new IllegalStateException("DHCPv4 transport on " + link + " already started");
        }
        running = true;
        reader = Thread.ofPlatform().daemon().name("dhcp4-rx-" + link).start(() -> readLoop(receiver));
    }

    private void readLoop(Consumer<byte[]> receiver) {
        try {
            read(receiver);
        } finally {
            channel.close();
        }
    }

    private void read(Consumer<byte[]> receiver) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_FRAME);
        while (running) {
            try {
                if (!channel.receive(buf, POLL) || !running) {
                    continue;
                }
                UdpDatagram d = EthernetFrameCodec.parse(buf);
                if (d.destinationPort() != UdpDatagram.DHCP_CLIENT_PORT
                        || d.sourcePort() != UdpDatagram.DHCP_SERVER_PORT) {
                    continue;
                }
                receiver.accept(d.payload());
            } catch (DhcpParseException e) {
                LOG.debug("{}: dropped a frame: {}", link, e.getMessage());
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("{}: receiving DHCP frames failed: {}", link, e.getMessage(), e);
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void broadcast(byte[] message, Inet4Address source) {
        byte[] frame = EthernetFrameCodec.build(new UdpDatagram(mac, MacAddress.BROADCAST, source, Ipv4.BROADCAST,
                UdpDatagram.DHCP_CLIENT_PORT, UdpDatagram.DHCP_SERVER_PORT, message));
        channel.send(ByteBuffer.wrap(frame));
    }

    @Override
    public synchronized void unicast(byte[] message, Inet4Address source, Inet4Address server) {
        InetSocketAddress to = new InetSocketAddress(server, UdpDatagram.DHCP_SERVER_PORT);
        try {
            if (udp == null || !source.equals(udpSource)) {
                closeUdp();
                DatagramChannel c = DatagramChannel.open();
                c.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                c.bind(new InetSocketAddress(source, UdpDatagram.DHCP_CLIENT_PORT));
                udp = c;
                udpSource = source;
            }
            udp.send(ByteBuffer.wrap(message), to);
        } catch (IOException e) {
            closeUdp();
            throw new NetworkException("sending DHCPREQUEST from " + source.getHostAddress() + ":68 to "
                    + server.getHostAddress() + ":67: " + e.getMessage(), e);
        }
    }

    private void closeUdp() {
        if (udp != null) {
            try {
                udp.close();
            } catch (IOException e) {
                LOG.debug("{}: closing the renewal socket: {}", link, e.toString());
            }
            udp = null;
            udpSource = null;
        }
    }

    /**
     * Stops receiving. A started transport's reader closes the channel itself as it leaves its loop, within one
     * {@link #POLL}: closing the descriptor under a thread that may be about to poll it could let that thread read
     * from a socket opened later under the same number, and waiting for the reader would hold the caller (the DHCP
     * probe, on the way to the first address) for up to half a second. Nothing is delivered after this returns but a
     * frame already being handed over.
     */
    @Override
    public synchronized void close() {
        running = false;
        closeUdp();
        if (reader == null) {
            channel.close();
        }
    }
}
