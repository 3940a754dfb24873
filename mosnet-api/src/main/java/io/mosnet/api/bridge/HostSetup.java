package io.mosnet.api.bridge;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import java.util.List;

/**
 * The host's layer 3 set-up on the bridge.
 *
 * @param attachment the bridge it goes on
 * @param uplink     the uplink NIC (gets no address of its own)
 * @param mode       static or DHCP (proxy ARP/NDP only in static mode)
 * @param addresses  addresses for the host interface
 * @param routes     routes, host routes to off-subnet gateways first, then default routes
 */
public record HostSetup(BridgeAttachment attachment, Link uplink, Mode mode, List<IpNetwork> addresses,
                        List<Route> routes) {

    public HostSetup {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }
}
