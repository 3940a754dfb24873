package io.mosnet.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mosnet status}: the daemon's overview. JSON: the {@code status} method's DaemonState. */
@Command(name = "status", description = "Daemon overview: mode, NIC, bridge, addresses, routes, DNS, leases")
public final class StatusCommand extends MosnetCommand {

    @Override
    protected int run() throws Exception {
        JsonNode result = call(DaemonMethods.STATUS);
        if (json) {
            printJson(result);
            return 0;
        }
        DaemonState s = convert(result, DaemonState.class);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Mode", s.mode()});
        rows.add(new String[] {"Phase", s.phase()});
        rows.add(new String[] {"NIC", s.nic()});
        rows.add(new String[] {"Bridge", s.bridge() + (s.backend() == null ? "" : " (" + s.backend() + ")")});
        rows.add(new String[] {"Host interface", s.hostInterface()});
        if (s.topology() != null && !"single".equals(s.topology())) {
            rows.add(new String[] {"Topology", s.topology()});
            for (UplinkState u : s.uplinks()) {
                rows.add(new String[] {"Uplink " + u.bridge(), u.nic() + ", " + u.mode()
                        + (u.vlan() != 0 ? ", VLAN " + u.vlan() : "")
                        + (u.defaultRoute() ? ", default route and DNS" : ", own subnets only")
                        + (u.addresses().isEmpty() ? "" : ", " + join(u.addresses()))});
            }
        }
        rows.add(new String[] {"Addresses", join(s.addresses())});
        rows.add(new String[] {"Routes", join(s.routes().stream().map(StatusCommand::route).toList())});
        rows.add(new String[] {"DNS", join(s.dns())});
        rows.add(new String[] {"Search", join(s.searchDomains())});
        // Keyed by protocol, a second uplink's as <protocol>@<bridge>. SLAAC_ONLY (no DHCPv6 server) and RA-learned
        // DNS carry no address and may not expire.
        for (var e : s.leases().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList()) {
            LeaseState l = e.getValue();
            String what = (l.address() == null ? "" : l.address() + " ") + l.state();
            rows.add(new String[] {"Lease " + e.getKey(), l.expiresAt() == null ? what
                    : what + ", expires " + when(l.expiresAt())});
        }
        if (!s.delegatedPrefixes().isEmpty()) {
            rows.add(new String[] {"Delegated", join(s.delegatedPrefixes())});
        }
        rows.add(new String[] {"Plugins", join(s.plugins().stream().map(p -> p.id() + " " + p.version()).toList())});
        rows.add(new String[] {"Problems", join(s.problems())});
        rows.add(new String[] {"Started", when(s.startedAt())});
        rows.add(new String[] {"Updated", when(s.updatedAt())});
        Table.keyValues(out(), rows);
        return 0;
    }

    static String route(RouteState r) {
        return r.destination() + (r.gateway() == null ? "" : " via " + r.gateway()) + " dev " + r.device()
                + (r.onlink() ? " onlink" : "");
    }
}
