package io.mosnet.cli.command;

import io.mosnet.api.state.PluginInfo;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import picocli.CommandLine.Command;

/** {@code mosnet plugins}: loaded plugins. JSON: the {@code plugins} method's array of PluginInfo. */
@Command(name = "plugins", description = "Installed plugins with id, kind, version and source")
public final class PluginsCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.PLUGINS);
        if (json) {
            printJson(result);
            return 0;
        }
        Table t = new Table("ID", "KIND", "VERSION", "SOURCE");
        for (PluginInfo p : convertList(result, PluginInfo.class)) {
            t.row(p.id(), p.kind(), p.version(), p.source());
        }
        t.print(out());
        return 0;
    }
}
