package io.mosnet.api.address;

import io.mosnet.api.state.LeaseState;
import java.util.Optional;

/** A running address source. Closing it stops its timers and sockets but leaves the addresses in place. */
public interface AddressSession extends AutoCloseable {

    Optional<LeaseState> current();

    /**
     * The uplink regained carrier: verify the lease now (DHCPv4 INIT-REBOOT, RFC 2131 section 3.2) instead of at
     * the next renewal. Sources that watch the link themselves, or have nothing to verify, do nothing here.
     */
    default void confirm() {
    }

    /**
     * Another host answers for the lease's address (the runtime's ARP probe, RFC 5227): refuse the lease (DHCPv4:
     * DHCPDECLINE, RFC 2131 section 4.4.1) and start over; the source reports the lease lost as it would any other.
     * Nothing happens when the source holds another lease by now. Sources without a way to refuse do nothing.
     *
     * @param why how the address is in use, e.g. {@code in use by 52:54:00:12:34:56}
     */
    default void decline(LeaseState lease, String why) {
    }

    @Override
    void close();
}
