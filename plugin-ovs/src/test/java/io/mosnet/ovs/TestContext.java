package io.mosnet.ovs;

import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.plugin.PluginContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** A plugin context for tests: a config with {@code [plugins.ovs]} settings and the given host network. */
record TestContext(MosnetConfig config, HostNetwork network, Clock clock, ScheduledExecutorService scheduler)
        implements PluginContext {

    static TestContext of(Map<String, Object> ovsSettings, HostNetwork network) {
        MosnetConfig config = new MosnetConfig(null, null, DhcpSettings.defaults(), FirewallSpec.absent(),
                NatSpec.absent(), "ovs", MosnetConfig.DEFAULT_BRIDGE_NAME, "single", List.of(),
                Map.of("ovs", ovsSettings));
        return new TestContext(config, network, Clock.systemUTC(), null);
    }
}
