package io.mosnet.runtime.daemon;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses and routes of static mode. A gateway outside the host's subnet (a /32 or /128 as at Hetzner) gets a
 * host route first, so that the kernel accepts the default route through it; a link-local IPv6 gateway is on-link
 * through the interface already.
 */
public final class StaticRoutes {

    private StaticRoutes() {
    }

    public static List<IpNetwork> addresses(MosnetConfig config) {
        return addresses(config.ipv4(), config.ipv6());
    }

    public static List<IpNetwork> addresses(StaticIpv4 v4, StaticIpv6 v6) {
        List<IpNetwork> out = new ArrayList<>();
        if (v4 != null) {
            out.add(v4.network());
        }
        if (v6 != null) {
            out.add(v6.network());
        }
        return out;
    }

    /** Host routes to off-subnet gateways, then the default routes, all through {@code linkIndex}. */
    public static List<Route> routes(MosnetConfig config, int linkIndex) {
        return routes(config.ipv4(), config.ipv6(), linkIndex);
    }

    public static List<Route> routes(StaticIpv4 v4, StaticIpv6 v6, int linkIndex) {
        List<Route> hostRoutes = new ArrayList<>();
        List<Route> defaults = new ArrayList<>();
        if (v4 != null) {
            if (v4.gatewayOffSubnet()) {
                hostRoutes.add(Route.hostRoute(v4.gateway(), linkIndex));
            }
            defaults.add(Route.defaultVia(v4.gateway(), linkIndex, false));
        }
        if (v6 != null) {
            if (v6.gatewayOffSubnet()) {
                hostRoutes.add(Route.hostRoute(v6.gateway(), linkIndex));
            }
            defaults.add(Route.defaultVia(v6.gateway(), linkIndex, false));
        }
        List<Route> all = new ArrayList<>(hostRoutes);
        all.addAll(defaults);
        return all;
    }
}
