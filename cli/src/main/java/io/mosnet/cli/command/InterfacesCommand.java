package io.mosnet.cli.command;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.cli.Table;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mosnet interfaces}: links with addresses, from the kernel; works without mosnetd. */
@Command(name = "interfaces", description = "Network interfaces with addresses and link state (live)")
public final class InterfacesCommand extends MosnetCommand {

    /** JSON schema of {@code mosnet interfaces --json}. */
    public record InterfacesView(boolean daemonRunning, List<InterfaceView> interfaces) {
    }

    /**
     * @param state     up, down or no-carrier
     * @param master    the bridge this link is a port of, or null
     * @param addresses {@code addr/len} of every family
     */
    public record InterfaceView(int index, String name, String kind, String mac, int mtu, String state,
                                String master, List<String> addresses) {
    }

    @Override
    protected int run() throws Exception {
        boolean running = daemonIfRunning().isPresent();
        HostNetwork net = live();
        LiveNames names = new LiveNames(net);
        List<Address> addresses = net.addresses();
        List<InterfaceView> views = net.links().stream().sorted(Comparator.comparingInt(Link::index))
                .map(l -> new InterfaceView(l.index(), l.name(), l.kind(), l.mac().toString(), l.mtu(),
                        LinkState.of(l.up(), l.carrier()), names.name(l.masterIndex()),
                        addresses.stream().filter(a -> a.linkIndex() == l.index())
                                .map(a -> a.network().toString()).toList()))
                .toList();
        if (json) {
            printJson(new InterfacesView(running, views));
            return 0;
        }
        Table t = new Table("INDEX", "NAME", "KIND", "STATE", "MAC", "MTU", "MASTER", "ADDRESSES");
        for (InterfaceView v : views) {
            t.row(v.index(), v.name(), v.kind(), v.state(), v.mac(), v.mtu(), v.master(), join(v.addresses()));
        }
        t.print(out());
        LiveNote.print(out(), running);
        return 0;
    }
}
