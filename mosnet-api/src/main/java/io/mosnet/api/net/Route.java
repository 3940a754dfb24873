package io.mosnet.api.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A route in a routing table ({@code ip route}).
 *
 * @param destination  destination network; {@code 0.0.0.0/0} or {@code ::/0} for a default route
 * @param gateway      next hop, or null for a directly connected route
 * @param linkIndex    output interface, 0 when unspecified
 * @param metric       priority (lower wins), 0 when unset
 * @param scope        universe for routes via a gateway, link for direct ones
 * @param protocol     who installed it (kernel, boot, static, dhcp, ra)
 * @param onlink       the gateway is reachable on the link even though no prefix covers it (RTNH_F_ONLINK)
 * @param table        routing table id, 254 (main) by default
 */
public record Route(IpNetwork destination, InetAddress gateway, int linkIndex, int metric, Scope scope,
                    Protocol protocol, boolean onlink, int table) {

    public static final int MAIN_TABLE = 254;

    public static Route defaultVia(InetAddress gateway, int linkIndex, boolean onlink) {
        boolean v6 = gateway instanceof java.net.Inet6Address;
        return new Route(IpNetwork.defaultRoute(v6), gateway, linkIndex, 0, Scope.UNIVERSE, Protocol.STATIC, onlink,
                MAIN_TABLE);
    }

    /** A host route that makes an off-subnet gateway directly reachable (point-to-point set-ups). */
    public static Route hostRoute(InetAddress destination, int linkIndex) {
        int len = destination instanceof java.net.Inet6Address ? 128 : 32;
        return new Route(new IpNetwork(destination, len), null, linkIndex, 0, Scope.LINK, Protocol.STATIC, false,
                MAIN_TABLE);
    }

    public boolean isDefault() {
        return destination.prefixLength() == 0;
    }

    public Optional<InetAddress> via() {
        return Optional.ofNullable(gateway);
    }

    public Route withMetric(int newMetric) {
        return new Route(destination, gateway, linkIndex, newMetric, scope, protocol, onlink, table);
    }

    public Route withProtocol(Protocol newProtocol) {
        return new Route(destination, gateway, linkIndex, metric, scope, newProtocol, onlink, table);
    }

    public enum Scope { UNIVERSE, SITE, LINK, HOST, NOWHERE }

    public enum Protocol { UNSPEC, REDIRECT, KERNEL, BOOT, STATIC, RA, DHCP, OTHER }
}
