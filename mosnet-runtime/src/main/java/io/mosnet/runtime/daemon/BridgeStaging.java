package io.mosnet.runtime.daemon;

import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.net.Link;
import io.mosnet.api.plugin.PluginContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's {@link BridgeBackend#stage} on a thread of its own, beside the probe that chooses the uplink: the
 * bridge is created while the DHCP or ARP exchange waits for its answer. {@link #await} before attaching.
 */
final class BridgeStaging {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeStaging.class);

    private final Thread thread;

    private BridgeStaging(Thread thread) {
        this.thread = thread;
    }

    /** Starts staging {@code bridge}; the NIC is passed on as likely when it is the only candidate. */
    static BridgeStaging start(BridgeBackend backend, String bridge, List<Link> candidates, PluginContext ctx) {
        if (candidates.isEmpty()) {
            return new BridgeStaging(null); // the probe is about to say there is nothing to choose from
        }
        Link likely = candidates.size() == 1 ? candidates.get(0) : null;
        return new BridgeStaging(Thread.ofPlatform().daemon().name("mosnet-bridge-stage").start(() -> {
            try {
                backend.stage(bridge, likely, ctx);
            } catch (RuntimeException e) {
                LOG.debug("staging bridge {} ahead of the probe's choice failed, attach will do it: {}", bridge,
                        e.toString());
            }
        }));
    }

    /** Waits until staging ended, whichever way (an interrupt is kept for the caller: attach must not race it). */
    void await() {
        boolean interrupted = false;
        while (thread != null) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
