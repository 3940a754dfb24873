package io.mosnet.runtime.daemon;

import io.mosnet.runtime.state.StateLoadResult;

/** DHCP mode: probe every NIC with DHCP, bridge the chosen one, run the clients on the bridge. */
final class DhcpMode {

    private final RuntimeContext ctx;
    private final Plan plan;
    private final DaemonStatus status;
    private final StateLoadResult previous;

    DhcpMode(RuntimeContext ctx, Plan plan, DaemonStatus status, StateLoadResult previous) {
        this.ctx = ctx;
        this.plan = plan;
        this.status = status;
        this.previous = previous;
    }

    void configure() {
        throw new io.mosnet.api.plugin.MosnetException("DHCP mode is not wired in yet (" + plan.dhcp() + ", "
                + previous + ", " + ctx + ", " + status + ")");
    }
}
