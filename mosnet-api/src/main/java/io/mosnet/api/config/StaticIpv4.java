package io.mosnet.api.config;

import io.mosnet.api.net.IpNetwork;
import java.net.Inet4Address;

/**
 * {@code mosip4=<addr>,<gw>,<netmask>[,<dev>]}.
 *
 * @param address      the host's address
 * @param gateway      the default gateway
 * @param prefixLength from the netmask
 * @param device       the NIC to use, or null to find it by ARP-probing the gateway
 */
public record StaticIpv4(Inet4Address address, Inet4Address gateway, int prefixLength, String device) {

    public IpNetwork network() {
        return new IpNetwork(address, prefixLength);
    }

    /** A /32, or a gateway outside the subnet: the gateway needs a host route before the default route. */
    public boolean gatewayOffSubnet() {
        return prefixLength == 32 || !network().contains(gateway);
    }
}
