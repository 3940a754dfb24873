package io.mosnet.api.plugin;

import io.mosnet.api.address.AddressSource;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.firewall.Firewall;
import io.mosnet.api.topology.Topology;

/** The kinds of plugin the runtime discovers, each with the service interface that identifies it. */
public enum PluginKind {
    BRIDGE_BACKEND("bridge backend", BridgeBackend.class),
    FIREWALL("firewall", Firewall.class),
    ADDRESS_SOURCE("address source", AddressSource.class),
    TOPOLOGY("topology", Topology.class);

    private final String label;
    private final Class<? extends MosnetPlugin> service;

    PluginKind(String label, Class<? extends MosnetPlugin> service) {
        this.label = label;
        this.service = service;
    }

    public String label() {
        return label;
    }

    public Class<? extends MosnetPlugin> service() {
        return service;
    }
}
