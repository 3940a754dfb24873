package io.mosnet.dhcp.v4;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.state.LeaseState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chosen NIC's exchange, carried on from the probe: a client already requesting the chosen offer on the probe's
 * transport, between the probe's end and the runtime's {@code start} (which comes once the bridge is built). What
 * the client reports meanwhile (the DHCPACK, usually) is held and handed to the runtime's listener when it takes the
 * exchange over, in order, before anything later.
 */
final class ProbeHandover {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProbeHandover.class);

    private final String nic;
    private final String offered;
    private final Dhcp4Client client;
    private final Dhcp4Transport transport;
    private final Held held;

    private ProbeHandover(String nic, String offered, Dhcp4Client client, Dhcp4Transport transport, Held held) {
        this.nic = nic;
        this.offered = offered;
        this.client = client;
        this.transport = transport;
        this.held = held;
    }

    /** A listener that keeps what it is told until {@link #attach}: what a new handover's client reports to. */
    static Held holding() {
        return new Held();
    }

    static ProbeHandover of(LeaseState offer, Dhcp4Client client, Dhcp4Transport transport, Held held) {
        return new ProbeHandover(offer.nic(), offer.address(), client, transport, held);
    }

    /** Whether {@code request} is the start this exchange was carried on for: the chosen NIC and its offer. */
    boolean serves(AddressRequest request) {
        LeaseState previous = request.previous();
        return request.uplink().name().equals(nic) && previous != null
                && Dhcp4Client.OFFERED.equals(previous.state()) && offered.equals(previous.address())
                && nic.equals(previous.nic());
    }

    Dhcp4Client client() {
        return client;
    }

    Dhcp4Transport transport() {
        return transport;
    }

    /** Hands what the client reported so far to {@code listener}, and everything later straight to it. */
    void attach(AddressListener listener) {
        held.attach(listener);
    }

    /** Nobody took the exchange over: stops it (a later probe or start begins anew). */
    void abandon() {
        client.close();
        transport.close();
    }

    /** Holds the client's reports until a listener is attached. */
    static final class Held implements AddressListener {
        private final List<Consumer<AddressListener>> reports = new ArrayList<>();
        private AddressListener target;

        @Override
        public synchronized void leaseChanged(LeaseState lease) {
            if (target == null) {
                reports.add(l -> l.leaseChanged(lease));
            } else {
                target.leaseChanged(lease);
            }
        }

        @Override
        public synchronized void leaseLost(LeaseState lease, String reason) {
            if (target == null) {
                reports.add(l -> l.leaseLost(lease, reason));
            } else {
                target.leaseLost(lease, reason);
            }
        }

        /**
         * Replays what was held, then forwards. A listener that fails on a held report is logged and kept, as the
         * client treats a listener that fails on a live one (the owner reports its own failures): the exchange goes
         * on, and the owner can close the session it gets.
         */
        synchronized void attach(AddressListener listener) {
            target = listener;
            for (Consumer<AddressListener> r : reports) {
                try {
                    r.accept(listener);
                } catch (RuntimeException e) {
                    LOG.error("lease listener failed on a report held from the probe: {}", e.getMessage(), e);
                }
            }
            reports.clear();
        }
    }
}
