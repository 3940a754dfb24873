package io.mosnet.nftables;

import io.mosnet.api.firewall.FirewallRequest;
import io.mosnet.api.net.MacAddress;

/** Everything one {@link NftablesFirewall#apply} asks for, as one batch: filter table, NAT table, egress guard. */
final class Ruleset {

    private Ruleset() {
    }

    /**
     * @param uplinkMac the uplink NIC's MAC, used only when the egress guard is on
     * @return the batch; empty when every part is absent (nothing to install, nothing to remove)
     */
    static Batch plan(FirewallRequest request, NftablesSettings settings, MacAddress uplinkMac) {
        Batch batch = new Batch();
        if (request.firewall() != null) {
            FilterTable.write(batch, request.firewall());
        }
        if (request.nat() != null) {
            NatTable.write(batch, request.nat(), request.defaultRouteIface());
        }
        EgressMacGuard.write(batch, settings.egressMacGuard(), request.uplink(), uplinkMac);
        return batch;
    }
}
