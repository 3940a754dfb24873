package io.mosnet.api.net;

/**
 * A network interface as the kernel reports it.
 *
 * @param index       ifindex
 * @param name        interface name
 * @param kind        IFLA_INFO_KIND ({@code bridge}, {@code veth}, {@code openvswitch}, ...), or empty for physical NICs
 * @param mac         hardware address, {@link MacAddress#ZERO} when it has none
 * @param mtu         MTU in bytes
 * @param up          administratively up (IFF_UP)
 * @param carrier     lower layer up (IFF_LOWER_UP): a cable, a veth peer, ...
 * @param masterIndex ifindex of the bridge this link is a port of, 0 when none
 */
public record Link(int index, String name, String kind, MacAddress mac, int mtu, boolean up, boolean carrier,
                   int masterIndex) {

    public Link {
        kind = kind == null ? "" : kind;
    }

    public boolean isLoopback() {
        return "lo".equals(name);
    }

    public boolean hasMaster() {
        return masterIndex != 0;
    }
}
