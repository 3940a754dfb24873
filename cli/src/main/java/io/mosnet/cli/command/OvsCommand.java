package io.mosnet.cli.command;

import io.mosnet.api.state.OvsPortState;
import io.mosnet.api.state.OvsReport;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mosnet ovs}: the OVS bridge. JSON: the {@code ovs} OvsReport. */
@Command(name = "ovs", description = "Open vSwitch bridge state (OVS backend)")
public final class OvsCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.OVS);
        if (json) {
            printJson(result);
            return 0;
        }
        OvsReport r = convert(result, OvsReport.class);
        Table.keyValues(out(), List.of(
                new String[] {"Bridge", r.bridge()},
                new String[] {"OVS version", r.version()},
                new String[] {"Datapath type", r.datapathType()},
                new String[] {"Fail mode", r.failMode()},
                new String[] {"Controllers", join(r.controllers())}));
        out().println();
        Table t = new Table("PORT", "OFPORT", "TYPE", "TAG", "TRUNKS");
        for (OvsPortState p : r.ports()) {
            t.row(p.name(), p.ofport(), p.type(), p.tag(), p.trunks().isEmpty() ? null : join(p.trunks()));
        }
        t.print(out());
        return 0;
    }
}
