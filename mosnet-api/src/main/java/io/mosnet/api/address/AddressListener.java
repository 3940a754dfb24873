package io.mosnet.api.address;

import io.mosnet.api.state.LeaseState;

/** Receives an address source's changes; called on the source's thread. */
public interface AddressListener {

    /** A lease was bound, renewed or rebound. */
    void leaseChanged(LeaseState lease);

    /** The lease expired or was refused; its addresses must go. */
    void leaseLost(LeaseState lease, String reason);
}
