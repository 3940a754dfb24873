package io.mosnet.dhcp.v6;

import io.mosnet.dhcp.random.KernelSeededRandom;
import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.AddressSource;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.time.Timers;
import java.net.Inet6Address;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dhcpv6} address source: an RFC 8415 client for an address (IA_NA) and, with {@code prefixDelegation},
 * a delegated prefix (IA_PD) on the host interface, beside SLAAC. The runtime starts it in DHCP mode when
 * {@code dhcpv6} is on, after the bridge is up; see {@link Dhcp6Session} for what it reports.
 *
 * <p>Identity: the DUID from a {@link DuidSource} ({@code /etc/machine-id} by default, the same DUID as the
 * DHCPv4 client's RFC 4361 identifier), the IAID from the uplink's MAC. Transport: UDP from the host interface's
 * link-local address, port 546. Transaction ids and jitter come from {@link KernelSeededRandom}. The time after which
 * "no server, SLAAC only" is reported is the DHCP timeout ({@code mosdhcp_timeout}).
 */
public final class Dhcp6AddressSource implements AddressSource {

    public static final String ID = "dhcpv6";
    private static final Logger LOG = LoggerFactory.getLogger(Dhcp6AddressSource.class);

    /** Opens the transport on the host interface; tests supply in-memory ones. */
    @FunctionalInterface
    interface TransportFactory {
        Dhcp6Transport open(String iface);
    }

    private final DuidSource duids;
    private final TransportFactory transports;
    private final RandomGenerator random;

    /** The ServiceLoader constructor: DUID from /etc/machine-id, UDP transport, a generator seeded from /dev/urandom. */
    public Dhcp6AddressSource() {
        this(DuidSource.machineId(), UdpDhcp6Transport::new, KernelSeededRandom.create());
    }

    /** With another DUID source. */
    public Dhcp6AddressSource(DuidSource duids) {
        this(duids, UdpDhcp6Transport::new, KernelSeededRandom.create());
    }

    Dhcp6AddressSource(DuidSource duids, TransportFactory transports, RandomGenerator random) {
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
        return "DHCPv6 client (RFC 8415): addresses, prefix delegation, SLAAC-only fallback";
    }

    /** The address of an earlier run's DHCPv6 lease, as a hint for the first Solicit. */
    static List<Inet6Address> hints(LeaseState previous) {
        if (previous == null || !Dhcp6Session.PROTOCOL.equals(previous.protocol()) || previous.address() == null) {
            return List.of();
        }
        try {
            return IpNetwork.parse(previous.address()).address() instanceof Inet6Address a ? List.of(a) : List.of();
        } catch (IllegalArgumentException e) {
            LOG.info("ignoring the stored DHCPv6 address '{}': {}", previous.address(), e.getMessage());
            return List.of();
        }
    }

    /**
     * Starts the client; the returned session is a {@link Dhcp6Session}. A stored {@code dhcpv6} lease in
     * {@link AddressRequest#previous()} only contributes its address as a hint: the client always solicits.
     */
    @Override
    public AddressSession start(AddressRequest request, AddressListener listener, PluginContext context) {
        DhcpSettings dhcp = context.config().dhcp();
        if (!dhcp.dhcpv6()) {
            throw new MosnetException("starting the DHCPv6 client on " + request.hostInterface()
                    + ": DHCPv6 is switched off in the configuration (dhcpv6=no)");
        }
        String iface = request.hostInterface();
        Link uplink = request.uplink() != null ? request.uplink() : context.network().requireLink(iface);
        MacAddress mac = uplink.mac();
        Dhcp6Identity identity = Dhcp6Identity.of(duids.duid(mac), mac);
        Dhcp6ClientSettings settings = new Dhcp6ClientSettings(true, dhcp.prefixDelegation(), dhcp.rapidCommit(),
                dhcp.timeout());
        Dhcp6Transport transport = transports.open(iface);
        Dhcp6Session session = new Dhcp6Session(iface, uplink.name(), identity, dhcp.assignDelegatedPrefix(),
                context.network(), listener, context.clock());
        Dhcp6Client client = new Dhcp6Client(iface, identity, settings, transport, context.clock(),
                Timers.of(context.scheduler()), random, session.events());
        ReceiveLoop loop = new ReceiveLoop(iface, transport, client);
        session.attach(client, transport, loop);
        try {
            loop.start();
            client.start(hints(request.previous()));
        } catch (RuntimeException e) {
            session.close();
            throw new MosnetException("starting the DHCPv6 client on " + iface + ": " + e.getMessage(), e);
        }
        LOG.info("DHCPv6 client on {} (uplink {}), DUID {}, IAID {}{}", iface, uplink.name(), identity.duid(),
                identity.iaid(), dhcp.prefixDelegation() ? ", asking for a delegated prefix" : "");
        return session;
    }
}
