package io.mosnet.linuxbridge;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.plugin.PluginContext;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** A plugin context over a (mocked) host network with default configuration; the backend uses no timers. */
record TestContext(MosnetConfig config, HostNetwork network, Clock clock, ScheduledExecutorService scheduler)
        implements PluginContext {

    static TestContext over(HostNetwork network) {
        return new TestContext(MosnetConfig.defaults(), network, Clock.systemUTC(), null);
    }
}
