package io.mosnet.cli.command;

import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import picocli.CommandLine.Command;

/** {@code mosnet firewall}: mosnet's nftables rules. JSON: the {@code firewall} FirewallReport. */
@Command(name = "firewall", description = "nftables tables, chains and rules with counters")
public final class FirewallCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.FIREWALL);
        if (json) {
            printJson(result);
            return 0;
        }
        FirewallReport report = convert(result, FirewallReport.class);
        if (report.tables().isEmpty()) {
            out().println("No mosnet nftables tables.");
            out().flush();
            return 0;
        }
        for (FirewallReport.Table table : report.tables()) {
            out().println("table " + table.family() + " " + table.name());
            for (FirewallReport.Chain chain : table.chains()) {
                String hook = chain.hook() == null ? "" : " (" + chain.type() + " hook " + chain.hook() + " priority "
                        + chain.priority() + " policy " + chain.policy() + ")";
                out().println("  chain " + chain.name() + hook);
                Table rules = new Table("    HANDLE", "PACKETS", "BYTES", "RULE");
                for (FirewallReport.Rule r : chain.rules()) {
                    rules.row("    " + r.handle(), r.packets(), r.bytes(), r.text());
                }
                if (!rules.isEmpty()) {
                    rules.print(out());
                }
            }
        }
        out().flush();
        return 0;
    }
}
