package io.mosnet.dhcp.v4;

import io.mosnet.dhcp.random.KernelSeededRandom;
import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressProbe;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.AddressSource;
import io.mosnet.api.address.ProbeReport;
import io.mosnet.api.address.ProbeRequest;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.time.Timers;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dhcpv4} address source: an RFC 2131 client, and (as {@link AddressProbe}) the multi-NIC probe that
 * picks the uplink. After a probe the client carries on with the chosen NIC's exchange and packet socket (it has
 * already requested the offer when {@link #start} comes); otherwise (a stored lease, a VLAN uplink) it runs on the
 * host interface. Transaction ids and backoff jitter come from {@link KernelSeededRandom}.
 *
 * <p>Identity: chaddr and the RFC 4361 IAID come from the uplink NIC (whose MAC the bridge inherits), the DUID
 * from a {@link DuidSource} ({@code /etc/machine-id} by default), so probe and client present the same client
 * identifier and the host keeps its address across reboots.
 */
public final class Dhcp4AddressSource implements AddressSource, AddressProbe {

    public static final String ID = "dhcpv4";
    private static final Logger LOG = LoggerFactory.getLogger(Dhcp4AddressSource.class);
    /** Extra time the probe's caller waits beyond the probe's own deadline before calling it broken. */
    private static final Duration PROBE_SLACK = Duration.ofSeconds(5);

    /** Opens the transport for one link; tests supply in-memory ones. */
    @FunctionalInterface
    interface TransportFactory {
        Dhcp4Transport open(HostNetwork network, String link, MacAddress mac);
    }

    private final DuidSource duids;
    private final TransportFactory transports;
    private final RandomGenerator random;
    /** The chosen NIC's exchange from the last probe, until {@link #start} takes it or a new probe drops it. */
    private ProbeHandover handover;

    /** The ServiceLoader constructor: DUID from /etc/machine-id, raw packet channels, a generator seeded from /dev/urandom. */
    public Dhcp4AddressSource() {
        this(DuidSource.machineId(), PacketTransport::new, KernelSeededRandom.create());
    }

    /** With another DUID source (another machine-id path, a fixed DUID). */
    public Dhcp4AddressSource(DuidSource duids) {
        this(duids, PacketTransport::new, KernelSeededRandom.create());
    }

    Dhcp4AddressSource(DuidSource duids, TransportFactory transports, RandomGenerator random) {
        this.duids = duids;
        this.transports = transports;
        this.random = random;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "DHCPv4 client (RFC 2131) with multi-NIC probing, RFC 4361 client identifier, rapid commit";
    }

    @Override
    public AddressSession start(AddressRequest request, AddressListener listener, PluginContext context) {
        Link uplink = request.uplink();
        ProbeHandover carried = takeHandover(request);
        if (carried != null) {
            carried.attach(listener);
            AutoCloseable carrierWatch = watchCarrier(context.network(), uplink, carried.client());
            LOG.info("DHCPv4 client on {} (uplink {}, carried on from the probe), client id {}",
                    request.hostInterface(), uplink.name(), carried.client().identity().clientIdHex());
            return new Session(carried.client(), carried.transport(), carrierWatch);
        }
        ClientIdentity identity = ClientIdentity.of(uplink.name(), uplink.mac(), duids.duid(uplink.mac()));
        Dhcp4Transport transport = transports.open(context.network(), request.hostInterface(), uplink.mac());
        Dhcp4Client client;
        AutoCloseable carrierWatch = null;
        try {
            client = client(identity, transport, context, listener);
            // The exchange first: the watch's netlink socket and thread would otherwise delay the DHCPREQUEST.
            client.start(request.previous());
            carrierWatch = watchCarrier(context.network(), uplink, client);
        } catch (RuntimeException e) {
            closeQuietly(carrierWatch);
            transport.close();
            throw new MosnetException("starting the DHCPv4 client on " + request.hostInterface() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("DHCPv4 client on {} (uplink {}), client id {}", request.hostInterface(), uplink.name(),
                identity.clientIdHex());
        return new Session(client, transport, carrierWatch);
    }

    private Dhcp4Client client(ClientIdentity identity, Dhcp4Transport transport, PluginContext context,
                               AddressListener listener) {
        return new Dhcp4Client(identity, context.config().dhcp(), transport, context.clock(),
                Timers.of(context.scheduler()), random, listener);
    }

    /** The probe's exchange if it was carried on for {@code request}; any other is dropped. */
    private synchronized ProbeHandover takeHandover(AddressRequest request) {
        ProbeHandover h = handover;
        handover = null;
        if (h != null && !h.serves(request)) {
            LOG.debug("{}: the probe's exchange does not serve this start; starting afresh", request.uplink().name());
            h.abandon();
            return null;
        }
        return h;
    }

    private synchronized void dropHandover() {
        if (handover != null) {
            handover.abandon();
            handover = null;
        }
    }

    /**
     * Carries the chosen NIC's exchange on from the probe: the client requests the offer at once on the probe's
     * transport, so the DHCPACK is usually in before the runtime has built the bridge and calls {@link #start}. The
     * transport stays on the NIC for the client's life: its packet socket sees the NIC's frames whether or not the
     * NIC is a bridge port, and what it sends leaves through the NIC, as the probe's DISCOVER did.
     */
    private void carryOn(ProbeReport report, Link nic, Dhcp4Transport transport, PluginContext context) {
        ProbeHandover.Held held = ProbeHandover.holding();
        ClientIdentity identity = ClientIdentity.of(nic.name(), nic.mac(), duids.duid(nic.mac()));
        Dhcp4Client client = client(identity, transport, context, held);
        try {
            client.start(report.offer());
        } catch (RuntimeException e) {
            LOG.warn("{}: requesting the probe's offer failed; the client starts on its own: {}", nic.name(),
                    e.getMessage(), e);
            client.close();
            transport.close();
            return;
        }
        synchronized (this) {
            handover = ProbeHandover.of(report.offer(), client, transport, held);
        }
    }

    /** Confirms the lease whenever the uplink goes from no carrier to carrier (RFC 2131 section 3.2). */
    private static AutoCloseable watchCarrier(HostNetwork network, Link uplink, Dhcp4Client client) {
        boolean[] carrier = {uplink.carrier()};
        try {
            return network.subscribe(EnumSet.of(NetworkEvent.Group.LINK), event -> {
                if (event instanceof NetworkEvent.LinkChanged changed && !changed.removed()
                        && changed.link().index() == uplink.index()) {
                    boolean now = changed.link().carrier();
                    boolean regained;
                    synchronized (carrier) {
                        regained = now && !carrier[0];
                        carrier[0] = now;
                    }
                    if (regained) {
                        client.confirm();
                    } else if (!now) {
                        LOG.warn("{}: carrier lost; the lease is kept and confirmed when it returns",
                                uplink.name());
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot watch carrier, the lease is confirmed only at T1: {}", uplink.name(),
                    e.getMessage(), e);
            return null;
        }
    }

    @Override
    public ProbeReport probe(ProbeRequest request, PluginContext context) {
        dropHandover();
        DhcpSettings settings = context.config().dhcp();
        Map<Link, Dhcp4Transport> opened = new LinkedHashMap<>();
        try {
            for (Link link : request.candidates()) {
                opened.put(link, link.carrier() ? open(context.network(), link) : null);
            }
            Dhcp4Probe probe = new Dhcp4Probe(opened, settings, duids, context.clock(),
                    Timers.of(context.scheduler()), random);
            ProbeReport report = probe.start().get(settings.timeout().plus(PROBE_SLACK).toMillis(),
                    TimeUnit.MILLISECONDS);
            Dhcp4Transport carried = probe.handOver();
            if (carried != null) {
                for (Link link : request.candidates()) {
                    if (link.name().equals(report.chosenNic())) {
                        opened.remove(link);
                        carryOn(report, link, carried, context);
                    }
                }
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MosnetException("DHCP probe on " + names(request) + " was interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new MosnetException("DHCP probe on " + names(request) + " did not finish: " + e, e);
        } finally {
            for (Dhcp4Transport t : opened.values()) {
                if (t != null) {
                    t.close();
                }
            }
        }
    }

    private Dhcp4Transport open(HostNetwork network, Link link) {
        try {
            return transports.open(network, link.name(), link.mac());
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot open a packet channel for the DHCP probe: {}", link.name(), e.getMessage(), e);
            return null;
        }
    }

    private static String names(ProbeRequest request) {
        return String.join(", ", request.candidates().stream().map(Link::name).toList());
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing the carrier watch: {}", e.toString());
        }
    }

    /** A running client. */
    private record Session(Dhcp4Client client, Dhcp4Transport transport, AutoCloseable carrierWatch)
            implements AddressSession {

        @Override
        public Optional<LeaseState> current() {
            return client.current();
        }

        @Override
        public void confirm() {
            client.confirm();
        }

        @Override
        public void decline(LeaseState lease, String why) {
            if (lease.address() != null) {
                client.decline(io.mosnet.api.net.IpAddresses.parseIpv4(lease.address().split("/", 2)[0]), why);
            }
        }

        @Override
        public void close() {
            closeQuietly(carrierWatch);
            client.close();
            transport.close();
        }
    }
}
