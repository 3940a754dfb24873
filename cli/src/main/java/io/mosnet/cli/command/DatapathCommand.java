package io.mosnet.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mosnet datapath}: datapath flows. JSON: the {@code datapath} method's array of DatapathFlow. */
@Command(name = "datapath", description = "Datapath flows (OVS backend)")
public final class DatapathCommand extends MosnetCommand {

    @Option(names = "--verbose", description = "Show the flow masks")
    boolean verbose;

    @Override
    protected int run() throws Exception {
        JsonNode result = call(DaemonMethods.DATAPATH, Map.of("verbose", verbose));
        if (json) {
            printJson(result);
            return 0;
        }
        Table t = new Table("PACKETS", "BYTES", "USED", "MATCH", "ACTIONS");
        for (DatapathFlow f : convertList(result, DatapathFlow.class)) {
            t.row(f.packets(), f.bytes(), f.used(), f.match(), f.actions());
        }
        t.print(out());
        return 0;
    }
}
