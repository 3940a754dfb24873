package io.mosnet.api.firewall;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;

/**
 * What {@link Firewall#apply} installs.
 *
 * @param firewall          the filter rules
 * @param nat               masquerade and port forwards
 * @param defaultRouteIface the interface of the default route (for {@code mosnat=snat}), or null if none yet
 * @param bridgeInterface   the host's bridge interface
 * @param uplink            the uplink NIC
 */
public record FirewallRequest(FirewallSpec firewall, NatSpec nat, String defaultRouteIface, String bridgeInterface,
                              String uplink) {
}
