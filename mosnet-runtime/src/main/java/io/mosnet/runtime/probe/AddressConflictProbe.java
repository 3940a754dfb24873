package io.mosnet.runtime.probe;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPv4 address conflict detection (RFC 5227 section 2.1.1): ARP probes for an address, sender address 0.0.0.0, and
 * whether another host answers for it. Three probes a second apart (PROBE_NUM, PROBE_MIN), then two seconds more
 * after the last (ANNOUNCE_WAIT) for a late answer. Only replies count (RFC 5227 also counts another host's probe
 * or announcement for the address, which this misses): the filter in the kernel lets nothing else wake the reader.
 *
 * <p>mosnet probes a DHCP lease's address once it is on the host interface rather than before (RFC 5227 would hold
 * the network back by 1-9 s for every boot, as systemd's issue 30724 describes): a host that answers means the
 * address is taken, and the runtime declines the lease. Probes go out through the host interface, so that they
 * take the same way as the host's traffic (a bridge's other ports, an OVS VLAN tag), and the host's own stack, which
 * already holds the address, never sees them.
 */
public final class AddressConflictProbe {

    public static final int PROBES = 3;
    public static final Duration INTERVAL = Duration.ofSeconds(1);
    public static final Duration LISTEN = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(AddressConflictProbe.class);

    private final HostNetwork network;
    private final int probes;
    private final Duration interval;
    private final Duration listen;

    public AddressConflictProbe(HostNetwork network) {
        this(network, PROBES, INTERVAL, LISTEN);
    }

    public AddressConflictProbe(HostNetwork network, int probes, Duration interval, Duration listen) {
        this.network = network;
        this.probes = probes;
        this.interval = interval;
        this.listen = listen;
    }

    /**
     * Probes for {@code address} on {@code link}, whose MAC is {@code ours}; blocks for the whole probe (~4 s).
     *
     * @return the MAC of a host that answered for the address, or empty when none did
     * @throws NetworkException when the packet channel cannot be opened
     */
    public Optional<MacAddress> probe(String link, MacAddress ours, Inet4Address address) {
        ByteBuffer request = ArpPacket.request(ours, IpAddresses.parseIpv4("0.0.0.0"), address).toFrame();
        ByteBuffer frame = ByteBuffer.allocate(65536);
        try (PacketChannel channel = network.openPacketChannel(link, PacketFilter.ARP_REPLY)) {
            int sent = 0;
            long next = System.nanoTime();
            long end = Long.MAX_VALUE;
            while (true) {
                long now = System.nanoTime();
                if (sent < probes && now >= next) {
                    try {
                        channel.send(request.duplicate());
                    } catch (NetworkException e) {
                        LOG.debug("ARP probe for {} on {} not sent: {}", address.getHostAddress(), link,
                                e.getMessage());
                    }
                    sent++;
                    next = now + interval.toNanos();
                    if (sent == probes) {
                        end = now + listen.toNanos(); // ANNOUNCE_WAIT after the last probe, however late it left
                    }
                }
                if (now >= end) {
                    return Optional.empty();
                }
                long until = sent < probes ? next : end;
                if (until > now && channel.receive(frame, Duration.ofNanos(until - now))) {
                    Optional<MacAddress> owner = owner(frame, ours, address);
                    if (owner.isPresent()) {
                        return owner;
                    }
                }
            }
        }
    }

    /** The sender of an ARP reply for {@code address} from a MAC other than ours. */
    static Optional<MacAddress> owner(ByteBuffer frame, MacAddress ours, Inet4Address address) {
        try {
            ArpPacket arp = ArpPacket.parseFrame(frame);
            if (arp.operation() == ArpPacket.REPLY && arp.senderIp().equals(address) && !arp.senderMac().equals(ours)) {
                return Optional.of(arp.senderMac());
            }
        } catch (FrameFormatException e) {
            LOG.debug("ignoring a frame while probing for {}: {}", address.getHostAddress(), e.getMessage());
        }
        return Optional.empty();
    }
}
