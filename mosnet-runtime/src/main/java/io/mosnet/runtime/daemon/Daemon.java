package io.mosnet.runtime.daemon;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.runtime.plugin.PluginRegistry;

/** The running daemon: configures the host per the plan, then stays for renewals and the API. */
public final class Daemon {

    private final DaemonOptions options;
    private final MosnetConfig config;
    private final PluginRegistry registry;
    private final Plan plan;

    public Daemon(DaemonOptions options, MosnetConfig config, PluginRegistry registry, Plan plan) {
        this.options = options;
        this.config = config;
        this.registry = registry;
        this.plan = plan;
    }

    public int run() {
        throw new IllegalStateException("mosnetd cannot configure the network yet: the rtnetlink client is missing ("
                + options.cmdline() + ", " + config.mode() + ", " + registry.entries().size() + " plugins, " + plan.backend().id() + ")");
    }
}
