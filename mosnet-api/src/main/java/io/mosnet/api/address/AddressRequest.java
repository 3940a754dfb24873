package io.mosnet.api.address;

import io.mosnet.api.net.Link;
import io.mosnet.api.state.LeaseState;

/**
 * @param hostInterface the interface the addresses go on ({@code mos})
 * @param uplink        the NIC under it
 * @param previous      the lease from the state file of an earlier run (INIT-REBOOT), or a probe's offer
 *                      ({@link ProbeReport#offer()}, state {@code OFFERED}) to request directly, or null
 */
public record AddressRequest(String hostInterface, Link uplink, LeaseState previous) {
}
