package io.mosnet.api.address;

import io.mosnet.api.state.LeaseState;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link AddressProbe#probe}.
 *
 * @param chosenNic the NIC to bridge, or null when no NIC got an offer
 * @param offer     the chosen offer (state {@code OFFERED}), to pass on as {@link AddressRequest#previous()}
 * @param outcomes  one per candidate, in the request's order
 */
public record ProbeReport(String chosenNic, LeaseState offer, List<ProbeOutcome> outcomes) {

    public ProbeReport {
        outcomes = List.copyOf(outcomes);
    }

    public Optional<String> chosen() {
        return Optional.ofNullable(chosenNic);
    }

    /** NICs that were asked and never offered anything within the timeout: the ones to name in the log. */
    public List<String> silentNics() {
        return outcomes.stream().filter(o -> o.status() == ProbeOutcome.Status.NO_OFFER).map(ProbeOutcome::nic)
                .toList();
    }
}
