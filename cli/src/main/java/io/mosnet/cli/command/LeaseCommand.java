package io.mosnet.cli.command;

import io.mosnet.api.state.LeaseState;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mosnet lease}: DHCP leases and timers. JSON: the {@code lease} method's array of LeaseState. */
@Command(name = "lease", description = "DHCP lease details and timers")
public final class LeaseCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        Object result = call(DaemonMethods.LEASE);
        if (json) {
            printJson(result);
            return 0;
        }
        List<LeaseState> leases = convertList(result, LeaseState.class);
        if (leases.isEmpty()) {
            out().println("No DHCP lease (static mode, or none obtained yet).");
            out().flush();
        }
        for (LeaseState l : leases) {
            Table.keyValues(out(), List.of(
                    new String[] {"Protocol", l.protocol()},
                    new String[] {"State", l.state()},
                    new String[] {"NIC", l.nic()},
                    new String[] {"Address", l.address()},
                    new String[] {"Gateway", l.gateway()},
                    new String[] {"Server", l.server()},
                    new String[] {"DNS", join(l.dns())},
                    new String[] {"Domains", join(l.domains())},
                    new String[] {"Routes", join(l.routes())},
                    new String[] {"MTU", l.mtu() == 0 ? null : Integer.toString(l.mtu())},
                    new String[] {"Obtained", when(l.obtainedAt())},
                    new String[] {"Renew (T1)", when(l.renewAt())},
                    new String[] {"Rebind (T2)", when(l.rebindAt())},
                    new String[] {"Expires", when(l.expiresAt())},
                    new String[] {"Client id", l.clientId()}));
            out().println();
        }
        out().flush();
        return 0;
    }
}
