package io.mosnet.api.address;

import io.mosnet.api.net.Link;
import java.util.List;

/**
 * @param candidates the NICs to ask, in the runtime's order (ties between equally ranked offers go to the first
 *                   answer, not to this order); links without carrier are reported and not waited for
 */
public record ProbeRequest(List<Link> candidates) {

    public ProbeRequest {
        candidates = List.copyOf(candidates);
    }
}
