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

    @Override
    void close();
}
