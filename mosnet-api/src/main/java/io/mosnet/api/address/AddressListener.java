package io.mosnet.api.address;

import io.mosnet.api.state.LeaseState;

/** Receives an address source's changes; called on the source's thread. */
public interface AddressListener {

    /**
     * A lease was bound, renewed or rebound, or the client's state changed with the same lease (RENEWING,
     * REBINDING, REBOOTING) so that the state file shows it; applying the same lease again must be harmless.
     */
    void leaseChanged(LeaseState lease);

    /** The lease expired or was refused; its addresses must go. */
    void leaseLost(LeaseState lease, String reason);
}
