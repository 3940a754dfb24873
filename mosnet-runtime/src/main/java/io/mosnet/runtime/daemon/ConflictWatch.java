package io.mosnet.runtime.daemon;

import io.mosnet.api.address.AddressSession;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.state.LeaseState;
import io.mosnet.runtime.probe.AddressConflictProbe;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every DHCPv4 address the host newly binds for another host that uses it (an RFC 5227 probe, once the
 * address is on the host interface, on a thread of its own) and has the lease declined when one answers: the server
 * marks the address and the client starts over ten seconds later (RFC 2131 section 4.4.1), as dhcpcd does.
 *
 * <p>A network where something answers for every address (a router doing proxy ARP for the subnet, say) would keep
 * the host off the network for good: after {@value #MAX_DECLINES} declines in a row the next conflicting address is
 * kept, and the conflict stays among the problems ({@code mosnet health}) until an address passes the probe.
 */
final class ConflictWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictWatch.class);
    static final int MAX_DECLINES = 3;
    static final String PROBLEM = "address conflict: ";
    /** How long a conflict waits for the session to be known (it is, milliseconds after the first lease). */
    static final Duration SESSION_WAIT = Duration.ofSeconds(30);

    private final HostNetwork network;
    private final AddressConflictProbe probe;
    private final String hostInterface;
    private final DaemonStatus status;
    private volatile AddressSession session;
    /**
     * Counted down once the session is known. A lease can be bound before: the probe's exchange is handed over with
     * its DHCPACK inside {@code start}, and a resumed lease goes on the bridge before the client starts.
     */
    private final CountDownLatch sessionKnown = new CountDownLatch(1);
    /** Declines in a row without an address that passed; guarded by this. */
    private int declines;

    ConflictWatch(HostNetwork network, AddressConflictProbe probe, String hostInterface, DaemonStatus status) {
        this.network = network;
        this.probe = probe;
        this.hostInterface = hostInterface;
        this.status = status;
    }

    /** The DHCPv4 session that declines; a conflict found before it is set waits for it. */
    void session(AddressSession s) {
        this.session = s;
        sessionKnown.countDown();
    }

    /** A lease put a new address on the host interface: probe for it in the background. */
    void bound(LeaseState lease) {
        Inet4Address address = IpAddresses.parseIpv4(lease.address().split("/", 2)[0]);
        Thread.ofPlatform().daemon().name("mosnet-acd").start(() -> check(lease, address));
    }

    /** Runs on the probe's thread: blocks for the probe, then declines or clears. */
    void check(LeaseState lease, Inet4Address address) {
        String addr = address.getHostAddress();
        Optional<MacAddress> owner;
        try {
            MacAddress ours = network.requireLink(hostInterface).mac();
            owner = probe.probe(hostInterface, ours, address);
        } catch (RuntimeException e) {
            LOG.warn("cannot check {} on {} for a conflict: {}", addr, hostInterface, e.getMessage());
            return;
        }
        if (owner.isEmpty()) {
            synchronized (this) {
                declines = 0;
            }
            status.update(s -> s.problems.removeIf(p -> p.startsWith(PROBLEM + hostInterface + " ")));
            LOG.debug("{} on {}: no other host answered the ARP probes", addr, hostInterface);
            return;
        }
        String why = "in use by " + owner.get();
        try {
            sessionKnown.await(SESSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        AddressSession decliner;
        synchronized (this) {
            decliner = declines < MAX_DECLINES ? session : null;
            if (decliner != null) {
                declines++;
            }
        }
        if (decliner != null) {
            LOG.error("{} on {} is {} (it answered an ARP probe): declining the lease", addr, hostInterface, why);
            decliner.decline(lease, why);
            return;
        }
        String kept = session == null ? "kept: no DHCP session to decline it"
                : "kept after " + MAX_DECLINES + " declines in a row";
        LOG.error("{} on {} is {} (it answered an ARP probe); {} (a network that answers for every address, such "
                + "as a router doing proxy ARP, would otherwise keep the host off it)", addr, hostInterface, why, kept);
        status.update(s -> {
            s.problems.removeIf(p -> p.startsWith(PROBLEM + hostInterface + " "));
            s.problems.add(PROBLEM + hostInterface + " " + addr + " is " + why + "; " + kept);
        });
    }
}
