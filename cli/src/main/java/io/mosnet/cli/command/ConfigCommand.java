package io.mosnet.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code mosnet config}: kernel parameters and effective configuration. JSON: the {@code config} ConfigReport. */
@Command(name = "config", description = "Kernel command line parameters and the effective configuration")
public final class ConfigCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        JsonNode result = call(DaemonMethods.CONFIG);
        if (json) {
            printJson(result);
            return 0;
        }
        out().println("Kernel command line: " + result.path("commandLine").asText("-"));
        out().println("Config file: " + (result.path("configFile").isTextual()
                ? result.path("configFile").asText() : "(none)"));
        out().println();
        Table params = new Table("PARAMETER", "VALUE");
        for (Map.Entry<String, JsonNode> e : result.path("parameters").properties()) {
            params.row(e.getKey(), e.getValue().asText());
        }
        if (params.isEmpty()) {
            out().println("No mos* parameters on the kernel command line.");
        } else {
            params.print(out());
        }
        out().println();
        out().println("Effective configuration:");
        Table effective = new Table("SETTING", "VALUE");
        flatten("", result.path("effective"), effective);
        effective.print(out());
        return 0;
    }

    /** {@code dhcp.timeout  PT10S}: nested objects as dotted keys, lists as comma lists, for reading not parsing. */
    private static void flatten(String prefix, JsonNode node, Table table) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), table);
            }
        } else if (node.isArray() && node.isEmpty()) {
            table.row(prefix, null);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), table);
            }
        } else {
            table.row(prefix, node.isNull() ? null : node.asText());
        }
    }
}
