package io.mosnet.api.state;

import java.util.List;
import java.util.Objects;

/**
 * One uplink of the topology as built: the primary (the state's own nic/bridge/addresses) and, with
 * {@code dual-nic}, the second one.
 *
 * @param bridge       its bridge ({@code mos}, {@code mos1})
 * @param nic          the NIC in it, null until chosen
 * @param mode         {@code static} or {@code dhcp}
 * @param vlan         the host's VLAN on it, 0 for untagged
 * @param defaultRoute whether it carries the default route and DNS
 * @param addresses    addresses mosnet put on its host interface, {@code addr/len}
 */
public record UplinkState(String bridge, String nic, String mode, int vlan, boolean defaultRoute,
                          List<String> addresses) {

    public UplinkState {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    // equals and hashCode written out: the generated ones bootstrap through ObjectMethods on first use (milliseconds
    // of an interpreted start, which the AOT cache cannot keep), and the daemon compares states on its way to READY.
    @Override
    public boolean equals(Object o) {
        return o instanceof UplinkState u && vlan == u.vlan && defaultRoute == u.defaultRoute
                && Objects.equals(bridge, u.bridge) && Objects.equals(nic, u.nic) && Objects.equals(mode, u.mode)
                && addresses.equals(u.addresses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bridge, nic, mode, vlan, defaultRoute, addresses);
    }
}
