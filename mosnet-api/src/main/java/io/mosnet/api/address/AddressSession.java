package io.mosnet.api.address;

import io.mosnet.api.state.LeaseState;
import java.util.Optional;

/** A running address source. Closing it stops its timers and sockets but leaves the addresses in place. */
public interface AddressSession extends AutoCloseable {

    Optional<LeaseState> current();

    @Override
    void close();
}
