package io.mosnet.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.RpcRegistry;
import picocli.CommandLine.Command;

/** {@code mosnet discover}: the API's methods. JSON: the full OpenRPC document from {@code rpc.discover}. */
@Command(name = "discover", description = "List the RPC methods (--json: the full OpenRPC document)")
public final class DiscoverCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        JsonNode doc = call(RpcRegistry.DISCOVER);
        if (json) {
            printJson(doc);
            return 0;
        }
        Table t = new Table("METHOD", "ROOT", "PARAMS", "SUMMARY");
        for (JsonNode m : doc.path("methods")) {
            StringBuilder params = new StringBuilder();
            for (JsonNode p : m.path("params")) {
                params.append(params.isEmpty() ? "" : ", ").append(p.path("name").asText());
            }
            t.row(m.path("name").asText(), m.path("x-mutating").asBoolean() ? "yes" : "no", params,
                    m.path("summary").asText());
        }
        t.print(out());
        return 0;
    }
}
