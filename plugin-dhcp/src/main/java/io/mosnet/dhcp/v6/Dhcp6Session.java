package io.mosnet.dhcp.v6;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.PrefixDelegation;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.state.DelegatedPrefix;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.v6.wire.Lifetime;
import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running DHCPv6 client on the host interface, as the runtime holds it.
 *
 * <p>What the listener hears: {@code leaseChanged} with protocol {@code dhcpv6} and the IA_NA address as
 * {@code addr/128} (null when only a prefix was delegated) on every bind, renewal, rebind and partial expiry;
 * {@code leaseLost} when every address and prefix ended or was withdrawn; and, when no server answers in time, one
 * {@code leaseChanged} with state {@value #SLAAC_ONLY}, address null and no times: the host runs on SLAAC alone,
 * which is not an error, and the client goes on soliciting in the background.
 *
 * <p>Delegated prefixes are read with {@link #delegatedPrefixes()} (the API's {@link PrefixDelegation}, for the
 * state file and {@code mosnet prefix}); they are updated before each {@code leaseChanged} call.
 * With {@code assignDelegatedPrefix}, the first /64 of the first delegated prefix is put on the host interface as
 * {@code prefix::1/64} ({@code ip addr replace} with the prefix's lifetimes, so the kernel ages it out too and its
 * prefix route reaches the VMs behind the bridge); it moves when the delegation changes and is removed when the
 * prefix is lost. A prefix longer than /64 cannot hold a /64 and is only reported.
 */
public final class Dhcp6Session implements AddressSession, PrefixDelegation {

    public static final String PROTOCOL = "dhcpv6";
    public static final String SLAAC_ONLY = "SLAAC_ONLY";
    private static final Logger LOG = LoggerFactory.getLogger(Dhcp6Session.class);

    private final String hostInterface;
    private final String nic;
    private final Dhcp6Identity identity;
    private final boolean assignDelegatedPrefix;
    private final HostNetwork network;
    private final AddressListener listener;
    private final Clock clock;
    private Dhcp6Client client;
    private Dhcp6Transport transport;
    private ReceiveLoop loop;

    private LeaseState current;
    private List<DelegatedPrefix> prefixes = List.of();
    private IpNetwork assigned;
    private String status = "soliciting";

    Dhcp6Session(String hostInterface, String nic, Dhcp6Identity identity, boolean assignDelegatedPrefix,
                 HostNetwork network, AddressListener listener, Clock clock) {
        this.hostInterface = hostInterface;
        this.nic = nic;
        this.identity = identity;
        this.assignDelegatedPrefix = assignDelegatedPrefix;
        this.network = network;
        this.listener = listener;
        this.clock = clock;
    }

    void attach(Dhcp6Client c, Dhcp6Transport t, ReceiveLoop l) {
        this.client = c;
        this.transport = t;
        this.loop = l;
    }

    Dhcp6Client client() {
        return client;
    }

    /** The events the client reports, turned into listener calls and the bridge's /64. */
    Dhcp6Events events() {
        return new Dhcp6Events() {
            @Override
            public void leaseChanged(Dhcp6Lease lease) {
                LeaseState s;
                synchronized (Dhcp6Session.this) {
                    prefixes = describe(lease);
                    s = toState(lease, client == null ? Dhcp6State.BOUND.name() : client.state().name());
                    current = s;
                    status = s.state().toLowerCase() + " with " + lease;
                }
                listener.leaseChanged(s);
            }

            @Override
            public void leaseLost(Dhcp6Lease lease, String reason) {
                LeaseState s = toState(lease, "EXPIRED");
                synchronized (Dhcp6Session.this) {
                    unassign();
                    prefixes = List.of();
                    current = null;
                    status = "lost: " + reason;
                }
                listener.leaseLost(s, reason);
            }

            @Override
            public void noServer(String message) {
                LeaseState s = new LeaseState(PROTOCOL, SLAAC_ONLY, nic, null, null, null, List.of(), List.of(),
                        List.of(), 0, null, null, null, null, identity.duid().hex());
                synchronized (Dhcp6Session.this) {
                    current = s;
                    status = message;
                }
                listener.leaseChanged(s);
            }
        };
    }

    @Override
    public synchronized Optional<LeaseState> current() {
        return Optional.ofNullable(current);
    }

    /** The prefixes delegated now, with the /64 put on the bridge from the first one if any. */
    @Override
    public synchronized List<DelegatedPrefix> delegatedPrefixes() {
        return prefixes;
    }

    /** Whether no server answered and the host runs on SLAAC alone (the client still solicits). */
    public boolean slaacOnly() {
        return client.slaacOnly();
    }

    /** One line for logs and diagnostics. */
    public synchronized String status() {
        return status;
    }

    /** The client's DUID, hex. */
    public String clientId() {
        return identity.duid().hex();
    }

    /**
     * The uplink regained carrier: the host may be on another link now, so the lease is checked at once with a
     * Rebind (RFC 8415 section 18.2.12) instead of at T1.
     */
    public void confirm() {
        client.linkChanged();
    }

    /** The kernel's duplicate address detection failed for the lease's address: Decline it (RFC 8415 18.2.8). */
    @Override
    public void decline(LeaseState lease, String why) {
        if (lease.address() != null) {
            client.decline(IpAddresses.parseIpv6(lease.address().split("/", 2)[0]), why);
        }
    }

    @Override
    public void close() {
        client.close();
        if (loop != null) {
            loop.close();
        }
        transport.close();
    }

    private LeaseState toState(Dhcp6Lease lease, String state) {
        String address = lease.addresses().isEmpty() ? null
                : IpAddresses.format(lease.addresses().getFirst().address()) + "/128";
        return new LeaseState(PROTOCOL, state, nic, address, null, lease.serverId().hex(),
                lease.dns().stream().map(IpAddresses::format).toList(), lease.domains(), List.of(), 0,
                lease.obtainedAt(), lease.renewAt(), lease.rebindAt(), lease.expiresAt(), identity.duid().hex());
    }

    /** Records the prefixes and, when asked to, moves the bridge's /64 to the first one. */
    private List<DelegatedPrefix> describe(Dhcp6Lease lease) {
        IpNetwork want = null;
        Dhcp6Lease.LeasedPrefix first = lease.prefixes().isEmpty() ? null : lease.prefixes().getFirst();
        if (assignDelegatedPrefix && first != null) {
            want = firstSubnetAddress(first.prefix());
            if (want == null) {
                LOG.warn("{}: delegated prefix {} is longer than /64; nothing assigned to {}", nic, first.prefix(),
                        hostInterface);
            }
        }
        if (assigned != null && !assigned.equals(want)) {
            unassign();
        }
        if (want != null) {
            try {
                network.replaceAddress(hostInterface, want, Set.of(), seconds(first.validUntil()),
                        seconds(first.preferredUntil()));
                if (assigned == null) {
                    LOG.info("{}: assigned {} from delegated prefix {}", hostInterface, want, first.prefix());
                }
                assigned = want;
            } catch (RuntimeException e) {
                LOG.warn("{}: assigning {} from delegated prefix {} failed: {}", hostInterface, want,
                        first.prefix(), e.getMessage(), e);
            }
        }
        IpNetwork onBridge = assigned;
        return lease.prefixes().stream().map(p -> new DelegatedPrefix(p.prefix().toString(),
                p == first && onBridge != null ? onBridge.toString() : null, null, p.preferredUntil(),
                p.validUntil())).toList();
    }

    private void unassign() {
        if (assigned == null) {
            return;
        }
        try {
            network.deleteAddress(hostInterface, assigned);
            LOG.info("{}: removed {} (delegated prefix gone or changed)", hostInterface, assigned);
        } catch (RuntimeException e) {
            LOG.warn("{}: removing {} failed: {}", hostInterface, assigned, e.getMessage(), e);
        }
        assigned = null;
    }

    /** {@code prefix::1/64} of the first /64 in {@code prefix}, or null when the prefix is longer than /64. */
    static IpNetwork firstSubnetAddress(IpNetwork prefix) {
        if (prefix.prefixLength() > 64) {
            return null;
        }
        byte[] b = prefix.address().getAddress();
        for (int i = 8; i < 16; i++) {
            b[i] = 0;
        }
        b[15] = 1;
        try {
            return new IpNetwork(Inet6Address.getByAddress(null, b, -1), 64);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    private long seconds(Instant until) {
        if (until == null) {
            return Lifetime.INFINITE_SECONDS;
        }
        long s = Duration.between(clock.instant(), until).toSeconds();
        return Math.max(0, Math.min(s, Lifetime.INFINITE_SECONDS - 1));
    }
}
