package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;

/**
 * One classless static route from option 121.
 *
 * @param destination the network, host bits cleared
 * @param prefixLength 0-32
 * @param router the next hop; 0.0.0.0 means the destination is on the link (no gateway)
 */
public record ClasslessRoute(Inet4Address destination, int prefixLength, Inet4Address router) {

    public ClasslessRoute {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range 0-32");
        }
    }

    public boolean isDefault() {
        return prefixLength == 0;
    }

    public boolean onLink() {
        return Ipv4.isAny(router);
    }

    /** {@code 10.1.0.0/16 via 10.0.0.1}, or {@code 10.1.0.0/16} for an on-link route. */
    @Override
    public String toString() {
        String dest = destination.getHostAddress() + "/" + prefixLength;
        return onLink() ? dest : dest + " via " + router.getHostAddress();
    }
}
