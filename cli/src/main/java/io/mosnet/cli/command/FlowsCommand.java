package io.mosnet.cli.command;

import io.mosnet.api.state.FlowEntry;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import picocli.CommandLine.Command;

/** {@code mosnet flows}: the OpenFlow table. JSON: the {@code flows} method's array of FlowEntry. */
@Command(name = "flows", description = "OpenFlow flow table (OVS backend)")
public final class FlowsCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.FLOWS);
        if (json) {
            printJson(result);
            return 0;
        }
        Table t = new Table("TABLE", "PRIORITY", "PACKETS", "BYTES", "MATCH", "ACTIONS");
        for (FlowEntry f : convertList(result, FlowEntry.class)) {
            t.row(f.table(), f.priority(), f.packets(), f.bytes(), f.match(), f.actions());
        }
        t.print(out());
        return 0;
    }
}
