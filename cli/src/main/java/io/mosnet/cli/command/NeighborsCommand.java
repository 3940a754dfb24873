package io.mosnet.cli.command;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Neighbour;
import io.mosnet.cli.Table;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mosnet neighbors}: the ARP/NDP cache from the kernel; works without mosnetd. Without {@code --all},
 * entries that say nothing about a reachable neighbour (failed, incomplete, noarp, multicast) are left out.
 */
@Command(name = "neighbors", aliases = "neighbours", description = "ARP/NDP neighbour table (live; --all for every entry)")
public final class NeighborsCommand extends MosnetCommand {

    private static final Set<String> HIDDEN_STATES = Set.of("failed", "incomplete", "noarp", "none");

    @Option(names = "--all", description = "Also failed, incomplete, noarp and multicast entries")
    boolean all;

    /** JSON schema of {@code mosnet neighbors --json}. */
    public record NeighborsView(boolean daemonRunning, boolean filtered, List<NeighborView> neighbors) {
    }

    public record NeighborView(String address, String mac, String device, String state, boolean router) {
    }

    @Override
    protected int run() throws Exception {
        boolean running = daemonIfRunning().isPresent();
        LiveNames names = new LiveNames(live());
        List<NeighborView> views = live().neighbours().stream()
                .filter(n -> all || shown(n))
                .map(n -> new NeighborView(IpAddresses.format(n.address()),
                        n.mac().equals(MacAddress.ZERO) ? null : n.mac().toString(), names.name(n.linkIndex()),
                        n.state(), n.router()))
                .toList();
        if (json) {
            printJson(new NeighborsView(running, !all, views));
            return 0;
        }
        Table t = new Table("ADDRESS", "MAC", "DEVICE", "STATE", "ROUTER");
        for (NeighborView v : views) {
            t.row(v.address(), v.mac(), v.device(), v.state(), v.router() ? "yes" : "");
        }
        t.print(out());
        LiveNote.print(out(), running);
        return 0;
    }

    private static boolean shown(Neighbour n) {
        return !HIDDEN_STATES.contains(n.state()) && !n.address().isMulticastAddress() && !n.mac().isMulticast();
    }
}
