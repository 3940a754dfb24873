package io.mosnet.runtime.topology;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.Link;
import io.mosnet.api.topology.TopologyRequest;
import java.util.List;

/** The candidate NICs' names, narrowed to {@code mosnics} when it is given. */
final class Candidates {

    private Candidates() {
    }

    static List<String> names(TopologyRequest request, MosnetConfig config) {
        return request.candidates().stream().map(Link::name)
                .filter(n -> config.nics().isEmpty() || config.nics().contains(n)).toList();
    }
}
