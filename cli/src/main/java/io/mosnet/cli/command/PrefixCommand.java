package io.mosnet.cli.command;

import io.mosnet.api.state.DelegatedPrefix;
import io.mosnet.api.state.PrefixReport;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import picocli.CommandLine.Command;

/** {@code mosnet prefix}: delegated IPv6 prefixes. JSON: the {@code prefix} PrefixReport. */
@Command(name = "prefix", description = "Delegated IPv6 prefix (DHCPv6-PD)")
public final class PrefixCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.PREFIX);
        if (json) {
            printJson(result);
            return 0;
        }
        PrefixReport report = convert(result, PrefixReport.class);
        if (report.prefixes().isEmpty()) {
            out().println("No delegated prefix.");
            out().flush();
            return 0;
        }
        Table t = new Table("PREFIX", "ASSIGNED", "PREFERRED UNTIL", "VALID UNTIL", "SERVER");
        for (DelegatedPrefix p : report.prefixes()) {
            t.row(p.prefix(), p.assigned(), when(p.preferredUntil()), when(p.validUntil()), p.server());
        }
        t.print(out());
        return 0;
    }
}
