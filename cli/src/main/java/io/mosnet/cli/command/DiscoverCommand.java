package io.mosnet.cli.command;

import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.RpcRegistry;
import picocli.CommandLine.Command;

/** {@code mosnet discover}: the API's methods. JSON: the full OpenRPC document from {@code rpc.discover}. */
@Command(name = "discover", description = "List the RPC methods (--json: the full OpenRPC document)")
public final class DiscoverCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object doc = call(RpcRegistry.DISCOVER);
        if (json) {
            printJson(doc);
            return 0;
        }
        Table t = new Table("METHOD", "ROOT", "PARAMS", "SUMMARY");
        for (Object m : items(member(doc, "methods"))) {
            StringBuilder params = new StringBuilder();
            for (Object p : items(member(m, "params"))) {
                params.append(params.isEmpty() ? "" : ", ").append(text(member(p, "name"), ""));
            }
            t.row(text(member(m, "name"), ""), Boolean.TRUE.equals(member(m, "x-mutating")) ? "yes" : "no", params,
                    text(member(m, "summary"), ""));
        }
        t.print(out());
        return 0;
    }
}
