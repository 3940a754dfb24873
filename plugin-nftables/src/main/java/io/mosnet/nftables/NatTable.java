package io.mosnet.nftables;

import static io.mosnet.nftables.Expr.counter;
import static io.mosnet.nftables.Expr.dnat;
import static io.mosnet.nftables.Expr.equal;
import static io.mosnet.nftables.Expr.fibDestinationType;
import static io.mosnet.nftables.Expr.masquerade;
import static io.mosnet.nftables.Expr.meta;
import static io.mosnet.nftables.Expr.notEqual;
import static io.mosnet.nftables.Expr.payload;
import static io.mosnet.nftables.Expr.prefix;
import static io.mosnet.nftables.Expr.value;

import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.PortForward;
import io.mosnet.api.net.IpAddresses;
import java.util.List;

/**
 * Table {@code ip mosnet-nat} from {@code mosnat=}: masquerade of what leaves through one interface, and port
 * forwards as DNAT. With {@code snat} that interface is the IPv4 default route's, which the runtime follows: the
 * table is applied again when the route moves, appears or goes.
 *
 * <p>A port forward only applies to connections addressed to the host itself ({@code fib daddr type local}), from
 * outside (prerouting) and from the host (output, loopback addresses excepted):
 * without that test a VM's own connection to some server's port 8080 would be turned around to the forward's
 * target. Replies need no rule: conntrack reverses both translations. The filter table's forward chain accepts the
 * translated connections ({@code ct status dnat}); IPv4 forwarding itself is switched on by
 * {@link NftablesFirewall} once the table is in place.
 */
final class NatTable {

    private NatTable() {
    }

    /** Whether {@code nat} asks for a NAT table (so that forwarding must be on). */
    static boolean installs(NatSpec nat) {
        return nat.masquerade() == NatSpec.Masquerade.DEFAULT_ROUTE || nat.masquerade() == NatSpec.Masquerade.INTERFACE;
    }

    /**
     * @param defaultRouteIface the default route's interface for {@code snat}; null while the host has no IPv4
     *                          default route (an IPv6-only host, a lease without a router): the port forwards go in
     *                          and nothing is masqueraded until the runtime applies again with the route's interface
     */
    static void write(Batch batch, NatSpec nat, String defaultRouteIface) {
        switch (nat.masquerade()) {
            case ABSENT -> {
            }
            case NONE -> batch.removeTable(TableRef.NAT);
            case DEFAULT_ROUTE -> install(batch,
                    defaultRouteIface == null || defaultRouteIface.isBlank() ? null : defaultRouteIface,
                    nat.forwards());
            case INTERFACE -> {
                if (nat.iface() == null || nat.iface().isBlank()) {
                    throw new NftablesException("mosnat names no interface to masquerade on");
                }
                install(batch, nat.iface(), nat.forwards());
            }
        }
    }

    private static void install(Batch batch, String iface, List<PortForward> forwards) {
        TableRef t = TableRef.NAT;
        batch.replaceTable(t);
        batch.addChain(t, BaseChain.of("prerouting", "nat", "prerouting", BaseChain.PRIORITY_DSTNAT, "accept"));
        for (PortForward f : forwards) {
            batch.addRule(t, "prerouting", f.toString(), List.of(
                    equal(fibDestinationType(), value("local")),
                    equal(payload(f.protocol().label(), "dport"), value(f.externalPort())),
                    counter(),
                    dnat(IpAddresses.format(f.internalAddress()), f.internalPort())));
        }
        if (!forwards.isEmpty()) {
            // The host's own connections to its address never pass prerouting: the same forwards on the output
            // hook, so that the host reaches a forwarded port as the world does (as Docker's published ports).
            // Loopback stays out: a connection from 127.0.0.1 cannot leave the host after DNAT.
            batch.addChain(t, BaseChain.of("output", "nat", "output", BaseChain.PRIORITY_DSTNAT, "accept"));
            for (PortForward f : forwards) {
                batch.addRule(t, "output", f.toString(), List.of(
                        equal(fibDestinationType(), value("local")),
                        notEqual(payload("ip", "daddr"), prefix("127.0.0.0", 8)),
                        equal(payload(f.protocol().label(), "dport"), value(f.externalPort())),
                        counter(),
                        dnat(IpAddresses.format(f.internalAddress()), f.internalPort())));
            }
        }
        batch.addChain(t, BaseChain.of("postrouting", "nat", "postrouting", BaseChain.PRIORITY_SRCNAT, "accept"));
        if (iface != null) {
            batch.addRule(t, "postrouting", null,
                    List.of(equal(meta("oifname"), value(iface)), counter(), masquerade()));
        }
    }
}
