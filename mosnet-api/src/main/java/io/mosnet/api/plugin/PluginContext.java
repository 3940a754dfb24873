package io.mosnet.api.plugin;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the runtime hands to a plugin for one operation: the configuration, the host network, time and a
 * scheduler. Everything a plugin needs from the outside comes through here, so tests pass mocks and fake clocks.
 */
public interface PluginContext {

    MosnetConfig config();

    HostNetwork network();

    /** Wall-clock and monotonic time; tests use a fixed or stepping clock. */
    Clock clock();

    /** For timers (renewals, retransmissions, expiry); tests use a deterministic scheduler. */
    ScheduledExecutorService scheduler();
}
