package io.mosnet.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.api.state.ConntrackEntry;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mosnet conntrack}: connection tracking entries. JSON: the {@code conntrack} ConntrackReport, or with
 * {@code --flush} the {@code conntrack.flush} ConntrackFlushResult.
 */
@Command(name = "conntrack", description = "Conntrack entries (OVS backend); --flush needs root")
public final class ConntrackCommand extends MosnetCommand {

    @Option(names = "--zone", paramLabel = "ZONE", description = "Only this conntrack zone (0-65535)")
    Integer zone;

    @Option(names = "--stats", description = "Show counters")
    boolean stats;

    @Option(names = "--flush", description = "Remove the entries (of --zone, else all)")
    boolean flush;

    @Override
    protected int run() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        if (zone != null) {
            params.put("zone", zone);
        }
        if (flush) {
            JsonNode result = call(DaemonMethods.CONNTRACK_FLUSH, params);
            if (json) {
                printJson(result);
            } else {
                ConntrackFlushResult r = convert(result, ConntrackFlushResult.class);
                out().println("Flushed conntrack " + (r.zone() == null ? "(all zones)" : "zone " + r.zone())
                        + (r.flushed() >= 0 ? ": " + r.flushed() + " entries" : ""));
                out().flush();
            }
            return 0;
        }
        params.put("stats", stats);
        JsonNode result = call(DaemonMethods.CONNTRACK, params);
        if (json) {
            printJson(result);
            return 0;
        }
        ConntrackReport report = convert(result, ConntrackReport.class);
        if (stats) {
            Table s = new Table("COUNTER", "VALUE");
            report.stats().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> s.row(e.getKey(), e.getValue()));
            s.print(out());
            out().println();
        }
        Table t = new Table("PROTO", "ZONE", "STATE", "ORIGINAL", "REPLY");
        for (ConntrackEntry e : report.entries()) {
            t.row(e.protocol(), e.zone(), e.state(), e.original(), e.reply());
        }
        t.print(out());
        return 0;
    }
}
