package io.mosnet.api.net;

import java.net.InetAddress;

/**
 * An ARP or NDP cache entry ({@code ip neigh}).
 *
 * @param linkIndex ifindex of the interface
 * @param address   the neighbour's IP address
 * @param mac       its link-layer address, or {@link MacAddress#ZERO} while unresolved
 * @param state     the NUD state in lower case: reachable, stale, delay, probe, failed, noarp, permanent, incomplete
 * @param router    the neighbour is a router (NTF_ROUTER, IPv6)
 */
public record Neighbour(int linkIndex, InetAddress address, MacAddress mac, String state, boolean router) {
}
