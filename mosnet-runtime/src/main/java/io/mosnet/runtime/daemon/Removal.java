package io.mosnet.runtime.daemon;

import io.mosnet.api.net.NetworkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking an address or a route away, where the kernel's "not found" means it is gone already: other failures are
 * logged with the kernel's answer and not thrown, so that the rest of the clean-up goes on.
 */
final class Removal {

    private static final Logger LOG = LoggerFactory.getLogger(Removal.class);

    private Removal() {
    }

    /** Runs the netlink removal; true when it took effect, false when it was gone or the kernel refused. */
    static boolean run(Runnable removal) {
        try {
            removal.run();
            return true;
        } catch (NetworkException e) {
            if (!e.notFound()) {
                LOG.warn("{}", e.getMessage());
            }
            return false;
        }
    }
}
