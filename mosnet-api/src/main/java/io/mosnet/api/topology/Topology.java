package io.mosnet.api.topology;

import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginContext;

/**
 * Decides how NICs, bridges and VLANs are arranged: {@code single} (one uplink in bridge {@code mos}), and others
 * such as {@code vlan} or {@code dual-nic}.
 */
public interface Topology extends MosnetPlugin {

    /** Turns the configuration and the NICs present into a plan; throws when they do not fit together. */
    TopologyPlan plan(TopologyRequest request, PluginContext context);
}
