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

    // equals and hashCode written out: the generated ones bootstrap through ObjectMethods on first use, milliseconds
    // that the first DHCPDISCOVER would wait for (links are compared and hashed on that path).
    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && index == l.index && mtu == l.mtu && up == l.up && carrier == l.carrier
                && masterIndex == l.masterIndex && java.util.Objects.equals(name, l.name) && kind.equals(l.kind)
                && java.util.Objects.equals(mac, l.mac);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(index, name, kind, mac, mtu, up, carrier, masterIndex);
    }
}
