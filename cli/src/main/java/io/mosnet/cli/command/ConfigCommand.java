package io.mosnet.cli.command;

import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code mosnet config}: kernel parameters and effective configuration. JSON: the {@code config} ConfigReport. */
@Command(name = "config", description = "Kernel command line parameters and the effective configuration")
public final class ConfigCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.CONFIG);
        if (json) {
            printJson(result);
            return 0;
        }
        out().println("Kernel command line: " + text(member(result, "commandLine"), "-"));
        out().println("Config file: " + (member(result, "configFile") instanceof String file ? file : "(none)"));
        out().println();
        Table params = new Table("PARAMETER", "VALUE");
        for (Map.Entry<?, ?> e : members(member(result, "parameters")).entrySet()) {
            params.row(e.getKey(), text(e.getValue(), "null"));
        }
        if (params.isEmpty()) {
            out().println("No mos* parameters on the kernel command line.");
        } else {
            params.print(out());
        }
        out().println();
        out().println("Effective configuration:");
        Table effective = new Table("SETTING", "VALUE");
        flatten("", member(result, "effective"), effective);
        effective.print(out());
        return 0;
    }

    /** {@code dhcp.timeout  PT10S}: nested objects as dotted keys, lists as comma lists, for reading not parsing. */
    private static void flatten(String prefix, Object node, Table table) {
        if (node instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> e : object.entrySet()) {
                flatten(prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey(), e.getValue(), table);
            }
        } else if (node instanceof List<?> array && array.isEmpty()) {
            table.row(prefix, null);
        } else if (node instanceof List<?> array) {
            for (int i = 0; i < array.size(); i++) {
                flatten(prefix + "[" + i + "]", array.get(i), table);
            }
        } else {
            table.row(prefix, node == null ? null : node.toString());
        }
    }
}
