package io.mosnet.api.net;

import java.util.Set;

/**
 * An address on an interface ({@code ip addr}).
 *
 * @param linkIndex ifindex of the interface
 * @param network   the address and its prefix length
 * @param scope     universe, link or host
 * @param flags     kernel flags such as nodad, noprefixroute, permanent
 * @param validLifetimeSeconds  remaining valid lifetime; {@link #FOREVER} when infinite
 * @param preferredLifetimeSeconds remaining preferred lifetime; {@link #FOREVER} when infinite
 */
public record Address(int linkIndex, IpNetwork network, Scope scope, Set<AddressFlag> flags,
                      long validLifetimeSeconds, long preferredLifetimeSeconds) {

    public static final long FOREVER = 0xffff_ffffL;

    public Address {
        flags = Set.copyOf(flags);
    }

    /** A permanent address with default scope and no flags, as {@code ip addr add} makes it. */
    public static Address permanent(int linkIndex, IpNetwork network) {
        return new Address(linkIndex, network, Scope.UNIVERSE, Set.of(), FOREVER, FOREVER);
    }

    public enum Scope { UNIVERSE, SITE, LINK, HOST, NOWHERE }

    public enum AddressFlag { NODAD, NOPREFIXROUTE, PERMANENT, TENTATIVE, DEPRECATED, DADFAILED, SECONDARY, MANAGETEMPADDR }
}
