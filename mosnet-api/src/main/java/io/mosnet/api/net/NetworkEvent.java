package io.mosnet.api.net;

import java.net.InetAddress;

/** A change the kernel announced on one of the rtnetlink multicast groups. */
public sealed interface NetworkEvent {

    /** RTM_NEWLINK / RTM_DELLINK. */
    record LinkChanged(Link link, boolean removed) implements NetworkEvent {
    }

    /** RTM_NEWADDR / RTM_DELADDR. */
    record AddressChanged(Address address, boolean removed) implements NetworkEvent {
    }

    /** RTM_NEWROUTE / RTM_DELROUTE. */
    record RouteChanged(Route route, boolean removed) implements NetworkEvent {
    }

    /**
     * RTM_NEWNDUSEROPT: options of a router advertisement that the kernel does not handle itself (RDNSS, DNSSL),
     * passed on raw so that the parser lives with its user.
     *
     * @param linkIndex   interface the RA arrived on
     * @param icmpType    134 for a router advertisement
     * @param source      the router's link-local address, or null if the kernel did not say
     * @param options     the ND options, in wire format (type, length in 8-octet units, data)
     */
    record NdUserOption(int linkIndex, int icmpType, InetAddress source, byte[] options) implements NetworkEvent {
    }

    /** Which multicast groups to join. */
    enum Group { LINK, IPV4_ADDRESS, IPV6_ADDRESS, IPV4_ROUTE, IPV6_ROUTE, ND_USER_OPTION }
}
