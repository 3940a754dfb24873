package io.mosnet.cli.command;

import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import picocli.CommandLine.Command;

/** {@code mosnet vlan}: VLAN filtering of the bridge. JSON: the {@code vlan} VlanReport. */
@Command(name = "vlan", description = "VLAN filtering configuration")
public final class VlanCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.VLAN);
        if (json) {
            printJson(result);
            return 0;
        }
        VlanReport report = convert(result, VlanReport.class);
        out().println("VLAN filtering: " + (report.filtering() ? "on" : "off"));
        Table t = new Table("PORT", "VID", "PVID", "UNTAGGED");
        for (VlanMembership m : report.memberships()) {
            t.row(m.port(), m.vid(), m.pvid() ? "yes" : "no", m.untagged() ? "yes" : "no");
        }
        t.print(out());
        return 0;
    }
}
