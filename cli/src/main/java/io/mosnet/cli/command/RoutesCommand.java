package io.mosnet.cli.command;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Route;
import io.mosnet.cli.Table;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mosnet routes}: the routing table from the kernel, default routes first, IPv4 before IPv6; works without
 * mosnetd.
 */
@Command(name = "routes", description = "Routing table (live; main table unless --all)")
public final class RoutesCommand extends MosnetCommand {

    @Option(names = "--all", description = "Every table, not only main")
    boolean all;

    /** JSON schema of {@code mosnet routes --json}. */
    public record RoutesView(boolean daemonRunning, List<RouteView> routes) {
    }

    public record RouteView(String destination, String gateway, String device, int metric, String protocol,
                            String scope, boolean onlink, int table) {
    }

    @Override
    protected int run() throws Exception {
        boolean running = daemonIfRunning().isPresent();
        LiveNames names = new LiveNames(live());
        List<RouteView> views = live().routes().stream()
                .filter(r -> all || r.table() == Route.MAIN_TABLE)
                .sorted(Comparator.comparing((Route r) -> r.destination().isIpv6())
                        .thenComparingInt(r -> r.destination().prefixLength()).thenComparingInt(Route::metric))
                .map(r -> new RouteView(r.destination().toString(),
                        r.gateway() == null ? null : IpAddresses.format(r.gateway()), names.name(r.linkIndex()),
                        r.metric(), lower(r.protocol()), lower(r.scope()), r.onlink(), r.table()))
                .toList();
        if (json) {
            printJson(new RoutesView(running, views));
            return 0;
        }
        Table t = new Table("DESTINATION", "GATEWAY", "DEVICE", "METRIC", "PROTO", "SCOPE", "TABLE");
        for (RouteView v : views) {
            t.row(v.destination(), v.gateway() == null ? null : v.gateway() + (v.onlink() ? " onlink" : ""),
                    v.device(), v.metric(), v.protocol(), v.scope(), v.table());
        }
        t.print(out());
        LiveNote.print(out(), running);
        return 0;
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
