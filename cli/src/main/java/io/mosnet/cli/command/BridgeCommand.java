package io.mosnet.cli.command;

import io.mosnet.api.state.BridgePortState;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import picocli.CommandLine.Command;

/** {@code mosnet bridge}: the bridge and its ports. JSON: the {@code bridge} BridgeReport. */
@Command(name = "bridge", description = "Bridge configuration and enslaved ports")
public final class BridgeCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.BRIDGE);
        if (json) {
            printJson(result);
            return 0;
        }
        BridgeReport b = convert(result, BridgeReport.class);
        out().println("Bridge " + b.name() + " (" + b.backend() + "), " + b.mac() + ", mtu " + b.mtu() + ", "
                + (b.up() ? "up" : "down"));
        Table t = new Table("PORT", "ROLE", "KIND", "MAC", "STATE");
        for (BridgePortState p : b.ports()) {
            t.row(p.name(), p.role(), p.kind(), p.mac(), LinkState.of(p.up(), p.carrier()));
        }
        t.print(out());
        return 0;
    }
}
