package io.mosnet.runtime.daemon;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.plugin.PluginContext;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The runtime's {@link PluginContext}: one per daemon, shared by every plugin call. */
public record RuntimeContext(MosnetConfig config, HostNetwork network, Clock clock, ScheduledExecutorService scheduler)
        implements PluginContext {
}
