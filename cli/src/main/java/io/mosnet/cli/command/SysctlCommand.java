package io.mosnet.cli.command;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.RpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mosnet sysctl}: the kernel settings mosnet depends on (forwarding, proxy ARP/NDP, RA acceptance) for
 * the bridge and the uplink; works without mosnetd (then for {@code --bridge}, default {@code mos}).
 */
@Command(name = "sysctl", description = "Kernel sysctl values mosnet relies on (live)")
public final class SysctlCommand extends MosnetCommand {

    @Option(names = "--bridge", paramLabel = "NAME", description = "Bridge to show per-interface keys for, when"
            + " mosnetd does not say (default: mos)")
    String bridge;

    /** JSON schema of {@code mosnet sysctl --json}; {@code value} is null when the key does not exist. */
    public record SysctlsView(boolean daemonRunning, List<SysctlView> sysctls) {
    }

    public record SysctlView(String key, String value) {
    }

    @Override
    protected int run() throws Exception {
        Optional<RpcClient> daemon = daemonIfRunning();
        String br = bridge;
        String nic = null;
        if (daemon.isPresent()) {
            var state = daemon.get().call(DaemonMethods.STATUS, Map.of());
            br = br != null ? br : state.path("bridge").asText(null);
            nic = state.path("nic").asText(null);
        }
        br = br == null ? MosnetConfig.DEFAULT_BRIDGE_NAME : br;
        List<String> keys = new ArrayList<>(List.of("net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding",
                "net.ipv4.conf.all.proxy_arp", "net.ipv6.conf.all.proxy_ndp"));
        for (String dev : nic == null ? List.of(br) : List.of(br, nic)) {
            keys.add("net.ipv4.conf." + dev + ".proxy_arp");
            keys.add("net.ipv6.conf." + dev + ".proxy_ndp");
            keys.add("net.ipv6.conf." + dev + ".accept_ra");
            keys.add("net.ipv6.conf." + dev + ".forwarding");
            keys.add("net.ipv6.conf." + dev + ".disable_ipv6");
        }
        List<SysctlView> views = keys.stream().map(k -> new SysctlView(k, live().sysctl(k).orElse(null))).toList();
        if (json) {
            printJson(new SysctlsView(daemon.isPresent(), views));
            return 0;
        }
        Table t = new Table("KEY", "VALUE");
        views.forEach(v -> t.row(v.key(), v.value() == null ? "(absent)" : v.value()));
        t.print(out());
        LiveNote.print(out(), daemon.isPresent());
        return 0;
    }
}
