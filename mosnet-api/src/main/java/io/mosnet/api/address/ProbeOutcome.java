package io.mosnet.api.address;

import io.mosnet.api.state.LeaseState;

/**
 * What one candidate NIC answered during a probe.
 *
 * @param nic    the NIC
 * @param status what happened
 * @param offer  the offer (state {@code OFFERED}) when status is {@link Status#OFFERED}, else null
 * @param detail one line for logs and {@code mosnet status}, e.g. {@code no DHCPOFFER within 10 s}
 */
public record ProbeOutcome(String nic, Status status, LeaseState offer, String detail) {

    public enum Status {
        /** An acceptable offer arrived. */
        OFFERED,
        /** Nothing acceptable arrived before the timeout. */
        NO_OFFER,
        /** The NIC had no carrier and was not asked. */
        NO_CARRIER,
        /** The choice was made before this NIC answered, because its answer could not have won. */
        NOT_AWAITED,
        /** The NIC could not be used (the packet socket failed to open or send). */
        FAILED
    }
}
