package io.mosnet.api.topology;

import io.mosnet.api.net.Link;
import java.util.List;

/**
 * @param candidates physical NICs that could carry the host's traffic, in kernel order
 */
public record TopologyRequest(List<Link> candidates) {

    public TopologyRequest {
        candidates = List.copyOf(candidates);
    }
}
