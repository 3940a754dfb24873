package io.mosnet.runtime.probe;

import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static mode's NIC selection: asks for the gateway's MAC on every candidate NIC at once - ARP for IPv4, neighbour
 * solicitation for IPv6-only configurations - and takes the first NIC that gets an answer. Requests are repeated
 * every {@code retransmit} until {@code timeout}, since a NIC that was just brought up may need seconds for its
 * link to come up. A device pinned in the configuration ({@code mosip4=...,eth1}) is taken without probing.
 *
 * <p>ARP requests carry the configured host address as sender, as the reference does: upstream routers (Hetzner
 * among them) answer those, and the request also refreshes their cache entry for the host. Without an address
 * the request is an RFC 5227 probe with sender 0.0.0.0, which Linux and most routers answer as well.
 */
public final class GatewayProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRANSMIT = Duration.ofSeconds(1);
    /** How long a probing thread waits at most before it checks whether another NIC has already won. */
    private static final long SLICE_NANOS = 50_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayProbe.class);

    private final HostNetwork network;
    private final Duration timeout;
    private final Duration retransmit;

    public GatewayProbe(HostNetwork network) {
        this(network, DEFAULT_TIMEOUT, DEFAULT_RETRANSMIT);
    }

    public GatewayProbe(HostNetwork network, Duration timeout, Duration retransmit) {
        if (timeout.isNegative() || timeout.isZero() || retransmit.isNegative() || retransmit.isZero()) {
            throw new IllegalArgumentException("probe timeout and retransmit interval must be positive");
        }
        this.network = network;
        this.timeout = timeout;
        this.retransmit = retransmit;
    }

    /**
     * Chooses the uplink for a static configuration: the pinned device if there is one (brought up), otherwise the
     * first candidate NIC (see {@link CandidateNics}) that gets an ARP reply from the IPv4 gateway, or, when there is
     * no IPv4 configuration, a neighbour advertisement from the IPv6 gateway.
     *
     * @param ipv4       {@code mosip4=}, or null
     * @param ipv6       {@code mosip6=}, or null
     * @param bridgeName the mosnet bridge ({@code mos}), never a candidate itself
     * @throws GatewayUnreachableException naming every NIC tried and the time waited
     */
    public ProbeResult select(StaticIpv4 ipv4, StaticIpv6 ipv6, String bridgeName) {
        if (ipv4 == null && ipv6 == null) {
            throw new IllegalArgumentException("static NIC selection needs mosip4= or mosip6=");
        }
        InetAddress gateway = ipv4 != null ? ipv4.gateway() : ipv6.gateway();
        String pinned = ipv4 != null && ipv4.device() != null ? ipv4.device() : ipv6 != null ? ipv6.device() : null;
        if (pinned != null) {
            Link nic = network.requireLink(pinned);
            if (!nic.up()) {
                network.setUp(pinned, true);
                nic = network.link(nic.index()).orElse(nic);
            }
            LOG.info("using pinned device {} for gateway {}", pinned, IpAddresses.format(gateway));
            return new ProbeResult(nic, gateway, MacAddress.ZERO, false, Duration.ZERO);
        }
        return probe(ipv4, ipv6, CandidateNics.bringUp(network, bridgeName));
    }

    /**
     * As {@link #select} among {@code candidates} only (a topology's uplink: the NICs an earlier uplink did not
     * take), which must be up; a pinned device is not looked at here.
     */
    public ProbeResult probe(StaticIpv4 ipv4, StaticIpv6 ipv6, List<Link> candidates) {
        if (ipv4 == null && ipv6 == null) {
            throw new IllegalArgumentException("static NIC selection needs an IPv4 or IPv6 gateway");
        }
        return ipv4 != null
                ? probeIpv4(candidates, ipv4.address(), ipv4.gateway())
                : probeIpv6(candidates, ipv6.gateway());
    }

    /**
     * ARP-requests {@code gateway} from every NIC in parallel.
     *
     * @param sender the host's address to put in the requests, or null for an RFC 5227 probe (sender 0.0.0.0)
     */
    public ProbeResult probeIpv4(List<Link> candidates, Inet4Address sender, Inet4Address gateway) {
        Inet4Address from = sender != null ? sender : IpAddresses.parseIpv4("0.0.0.0");
        return race(candidates, gateway, "ARP", new Exchange() {
            @Override
            public PacketFilter filter() {
                return PacketFilter.ARP_REPLY;
            }

            @Override
            public ByteBuffer request(Link nic) {
                return ArpPacket.request(nic.mac(), from, gateway).toFrame();
            }

            @Override
            public Optional<MacAddress> answer(ByteBuffer frame) {
                ArpPacket p = ArpPacket.parseFrame(frame);
                return p.operation() == ArpPacket.REPLY && p.senderIp().equals(gateway)
                        ? Optional.of(p.senderMac()) : Optional.empty();
            }
        });
    }

    /** Sends a neighbour solicitation for {@code gateway} from every NIC in parallel. */
    public ProbeResult probeIpv6(List<Link> candidates, Inet6Address gateway) {
        // Compare without the scope id that a literal like fe80::1%eth0 may carry.
        Inet6Address target = (Inet6Address) IpAddresses.of(gateway.getAddress());
        return race(candidates, gateway, "neighbour solicitation", new Exchange() {
            @Override
            public PacketFilter filter() {
                return PacketFilter.NEIGHBOUR_ADVERTISEMENT;
            }

            @Override
            public ByteBuffer request(Link nic) {
                return new NeighbourSolicitation(nic.mac(), target).toFrame();
            }

            @Override
            public Optional<MacAddress> answer(ByteBuffer frame) {
                NeighbourAdvertisement na = NeighbourAdvertisement.parseFrame(frame);
                return na.target().equals(target) ? Optional.of(na.targetMac()) : Optional.empty();
            }
        });
    }

    /** One request/answer protocol, the same on every NIC. */
    private interface Exchange {
        PacketFilter filter();

        ByteBuffer request(Link nic);

        /** The gateway's MAC if {@code frame} answers the request; {@link FrameFormatException} if malformed. */
        Optional<MacAddress> answer(ByteBuffer frame);
    }

    private ProbeResult race(List<Link> candidates, InetAddress gateway, String method, Exchange exchange) {
        long start = System.nanoTime();
        String gw = IpAddresses.format(gateway);
        if (candidates.isEmpty()) {
            throw new GatewayUnreachableException("no candidate NIC to probe gateway " + gw + " by " + method
                    + " (no link with a MAC that is not loopback, a bridge, a bridge port or a tunnel)");
        }
        long deadline = start + timeout.toNanos();
        AtomicReference<ProbeResult> winner = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        CountDownLatch decided = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger(candidates.size());
        for (Link nic : candidates) {
            // Platform threads: each blocks in poll(2) through JNA, which would pin a virtual thread's carrier.
            Thread.ofPlatform().daemon().name("probe-" + nic.name()).start(() -> {
                try {
                    // Decided as the answer arrives, before this thread closes its socket.
                    probeOne(nic, exchange, deadline, stop, outcomes, mac -> {
                        if (winner.compareAndSet(null, new ProbeResult(nic, gateway, mac, true,
                                Duration.ofNanos(System.nanoTime() - start)))) {
                            decided.countDown();
                        }
                    });
                } finally {
                    if (running.decrementAndGet() == 0) {
                        decided.countDown();
                    }
                }
            });
        }
        try {
            decided.await();
            // The losers stop within a slice and close their sockets on their own threads: closing an AF_PACKET
            // socket waits for an RCU grace period (~16 ms here), which the bridge need not wait for.
            stop.set(true);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new NetworkException("probing gateway " + gw + " by " + method + " was interrupted", 4, e);
        }
        ProbeResult result = winner.get();
        if (result == null) {
            StringBuilder tried = new StringBuilder();
            for (Link nic : candidates) {
                tried.append(tried.isEmpty() ? "" : ", ").append(nic.name()).append(" (")
                        .append(outcomes.getOrDefault(nic.name(), "no answer")).append(')');
            }
            throw new GatewayUnreachableException(String.format(Locale.ROOT,
                    "no NIC reached gateway %s by %s within %.1f s; tried %s", gw, method,
                    (System.nanoTime() - start) / 1e9, tried));
        }
        LOG.info("gateway {} answered {} on {} from {} after {} ms", gw, method, result.nic().name(),
                result.gatewayMac(), result.elapsed().toMillis());
        return result;
    }

    private void probeOne(Link nic, Exchange exchange, long deadline, AtomicBoolean stop,
                          Map<String, String> outcomes, java.util.function.Consumer<MacAddress> answered) {
        int sent = 0;
        String lastSendError = null;
        try (PacketChannel channel = network.openPacketChannel(nic.name(), exchange.filter())) {
            ByteBuffer request = exchange.request(nic);
            ByteBuffer frame = ByteBuffer.allocate(65536);
            long nextSend = System.nanoTime();
            while (!stop.get()) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (now >= nextSend) {
                    try {
                        channel.send(request.duplicate());
                        sent++;
                    } catch (NetworkException e) {
                        // ENETDOWN and the like while the link comes up: keep trying until the deadline.
                        lastSendError = e.getMessage();
                    }
                    nextSend = now + retransmit.toNanos();
                }
                long wait = Math.min(Math.min(nextSend, deadline) - now, SLICE_NANOS);
                if (wait > 0 && channel.receive(frame, Duration.ofNanos(wait))) {
                    try {
                        Optional<MacAddress> mac = exchange.answer(frame);
                        if (mac.isPresent()) {
                            answered.accept(mac.get());
                            return;
                        }
                    } catch (FrameFormatException e) {
                        LOG.debug("ignoring frame on {}: {}", nic.name(), e.getMessage());
                    }
                }
            }
            outcomes.put(nic.name(), "no answer to " + sent + " request" + (sent == 1 ? "" : "s")
                    + (lastSendError == null ? "" : "; last send failed: " + lastSendError));
        } catch (NetworkException e) {
            outcomes.put(nic.name(), "failed: " + e.getMessage());
        }
    }
}
