package io.mosnet.nftables;

import static io.mosnet.nftables.Expr.counter;
import static io.mosnet.nftables.Expr.drop;
import static io.mosnet.nftables.Expr.notEqual;
import static io.mosnet.nftables.Expr.payload;
import static io.mosnet.nftables.Expr.value;

import io.mosnet.api.net.MacAddress;
import java.util.List;

/**
 * The egress MAC guard, for providers that filter on the NIC's MAC address (a frame with any other source MAC
 * can get the server's port shut down). With the Linux bridge backend a VM bridged to the uplink sends frames with
 * its own MAC straight out of the NIC; the guard drops every frame leaving through the uplink whose source MAC is
 * not the NIC's, and counts them.
 *
 * <p>Design: table {@code netdev mosnet-egress}, one base chain {@code uplink} on the netdev {@code egress} hook
 * of the uplink device (kernel 5.16+). That hook sits in the device's transmit path, so it sees every frame the
 * NIC is about to send, whether the bridge forwarded it from a VM or the host sent it, and nothing else; a
 * {@code bridge} family chain would miss frames that reach the NIC outside the bridge. The chain has one rule,
 * {@code ether saddr != NIC-MAC counter name "foreign_source_mac" drop}; the named counter object can be read
 * alone and appears in {@link io.mosnet.api.firewall.FirewallReport#counters()}, which {@code mosnet health}
 * shows. The host's own frames leave with the bridge's MAC, so the bridge must carry the NIC's MAC (the provider
 * demands the same); otherwise the guard cuts the host off too, and its counter says so.
 *
 * <p>Switched on with {@code egress_mac_guard = true} in {@code [plugins.nftables]}; {@code false} removes the
 * table. With the OVS backend the OpenFlow MAC rewrite already gives every frame the NIC's MAC, so the guard only
 * counts mistakes there.
 */
final class EgressMacGuard {

    /** The named counter of frames dropped for a foreign source MAC. */
    static final String COUNTER = "foreign_source_mac";
    static final String CHAIN = "uplink";

    private EgressMacGuard() {
    }

    /**
     * @param uplink    the NIC's interface name, needed for ON
     * @param uplinkMac the NIC's MAC, needed for ON
     */
    static void write(Batch batch, NftablesSettings.Toggle toggle, String uplink, MacAddress uplinkMac) {
        switch (toggle) {
            case ABSENT -> {
            }
            case OFF -> batch.removeTable(TableRef.EGRESS);
            case ON -> {
                if (uplink == null || uplink.isBlank()) {
                    throw new NftablesException("the egress MAC guard needs the uplink interface, and none is known");
                }
                if (uplinkMac == null || uplinkMac.equals(MacAddress.ZERO)) {
                    throw new NftablesException("the egress MAC guard needs the MAC address of uplink " + uplink
                            + ", which has none");
                }
                TableRef t = TableRef.EGRESS;
                batch.replaceTable(t);
                batch.addCounter(t, COUNTER);
                batch.addChain(t, new BaseChain(CHAIN, "filter", "egress", BaseChain.PRIORITY_FILTER, "accept", uplink));
                batch.addRule(t, CHAIN, "source MAC is not " + uplink + "'s", List.of(
                        notEqual(payload("ether", "saddr"), value(uplinkMac.toString())), counter(COUNTER), drop()));
            }
        }
    }
}
