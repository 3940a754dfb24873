package io.mosnet.api.config;

import io.mosnet.api.net.IpNetwork;
import java.net.Inet6Address;

/**
 * {@code mosip6=<addr>/<prefix>,<gw>[,<dev>]}.
 *
 * @param address      the host's address
 * @param prefixLength its prefix length
 * @param gateway      the default gateway, often link-local ({@code fe80::1} at Hetzner)
 * @param device       the NIC to use, or null to find it by neighbour solicitation to the gateway
 */
public record StaticIpv6(Inet6Address address, int prefixLength, Inet6Address gateway, String device) {

    public IpNetwork network() {
        return new IpNetwork(address, prefixLength);
    }

    /** A /128 or a global gateway outside the prefix: the gateway needs a host route first. Link-local is on-link. */
    public boolean gatewayOffSubnet() {
        if (gateway.isLinkLocalAddress()) {
            return false;
        }
        return prefixLength == 128 || !network().contains(gateway);
    }
}
