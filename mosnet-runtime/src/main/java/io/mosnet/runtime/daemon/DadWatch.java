package io.mosnet.runtime.daemon;

import io.mosnet.api.address.AddressSession;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.NetworkEvent;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel runs duplicate address detection on the DHCPv6 address once it is on the bridge; when another host
 * answers, it marks the address dadfailed and never uses it. The lease is then declined (RFC 8415 section 18.2.8) on
 * the timer thread: the client drops the address (the applier removes it) and asks again. As with DHCPv4
 * ({@link ConflictWatch}), a network that answers for every address (an NDP proxy) must not make that a loop: after
 * {@value ConflictWatch#MAX_DECLINES} declines in a row the failure is only reported, until an address passes.
 *
 * <p>Fed the host interface's IPv6 address events, on the one event thread of its subscription.
 */
final class DadWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DadWatch.class);

    private final Link host;
    private final LeaseApplier applier;
    private final AddressSession session;
    private final DaemonStatus status;
    private final Executor timers;
    private final String problem;
    /** Declines in a row; only the event thread touches it. */
    private int declines;

    DadWatch(Link host, LeaseApplier applier, AddressSession session, DaemonStatus status, Executor timers) {
        this.host = host;
        this.applier = applier;
        this.session = session;
        this.status = status;
        this.timers = timers;
        this.problem = ConflictWatch.PROBLEM + host.name() + " ";
    }

    void onEvent(NetworkEvent event) {
        if (!(event instanceof NetworkEvent.AddressChanged c) || c.removed() || c.address().linkIndex() != host.index()) {
            return;
        }
        var lease = applier.dhcpv6LeaseOf(c.address().network());
        if (lease.isEmpty()) {
            return;
        }
        var flags = c.address().flags();
        if (!flags.contains(Address.AddressFlag.DADFAILED)) {
            if (!flags.contains(Address.AddressFlag.TENTATIVE)) {
                declines = 0;
                status.update(s -> s.problems.removeIf(p -> p.startsWith(problem)));
            }
            return;
        }
        if (declines < ConflictWatch.MAX_DECLINES) {
            declines++;
            LOG.error("{} on {} failed duplicate address detection: another host has it; declining the DHCPv6 lease",
                    c.address().network(), host.name());
            timers.execute(() -> session.decline(lease.get(), "failed duplicate address detection"));
            return;
        }
        LOG.error("{} on {} failed duplicate address detection again; not declined after {} declines in a row",
                c.address().network(), host.name(), ConflictWatch.MAX_DECLINES);
        status.update(s -> s.problems.add(problem + c.address().network() + " failed duplicate address detection; "
                + "not declined after " + ConflictWatch.MAX_DECLINES + " declines in a row"));
    }
}
