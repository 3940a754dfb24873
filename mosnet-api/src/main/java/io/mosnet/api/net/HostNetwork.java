package io.mosnet.api.net;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The host's network as plugins see it: links, addresses, routes, neighbours, sysctls, raw packet channels and
 * change events. The runtime implements it over rtnetlink and /proc/sys; plugins never touch netlink themselves,
 * and their tests mock this interface.
 *
 * <p>Each mutating verb names the {@code ip} command it equals. Verbs throw {@link NetworkException} with the
 * request and the kernel's answer.
 */
public interface HostNetwork {

    // ---- links

    /** {@code ip link show}. */
    List<Link> links();

    Optional<Link> link(String name);

    Optional<Link> link(int index);

    /** Like {@link #link(String)} but throws a {@link NetworkException} naming the interface when it is absent. */
    default Link requireLink(String name) {
        return link(name).orElseThrow(() -> new NetworkException("no interface named '" + name + "'", 19));
    }

    /** {@code ip link add NAME type bridge}; returns the new link. */
    Link createBridge(String name);

    /** {@code ip link set NAME up|down}. */
    void setUp(String name, boolean up);

    /** {@code ip link set NAME master MASTER}, or {@code nomaster} when master is null. */
    void setMaster(String name, String master);

    /** {@code ip link set NAME address MAC}. */
    void setMac(String name, MacAddress mac);

    /** {@code ip link set NAME mtu MTU}. */
    void setMtu(String name, int mtu);

    /** {@code ip link del NAME}. */
    void deleteLink(String name);

    // ---- bridge VLANs (IEEE 802.1Q filtering in a Linux bridge)

    /** {@code ip link set BRIDGE type bridge vlan_filtering 1|0}. */
    void setBridgeVlanFiltering(String bridge, boolean on);

    /** Whether VLAN filtering is on: {@code vlan_filtering} of {@code ip -d link show BRIDGE}. */
    boolean bridgeVlanFiltering(String bridge);

    /**
     * {@code bridge vlan add dev DEV vid VID [pvid] [untagged]}, with {@code self} when DEV is the bridge itself
     * (the host's side of the bridge), for a port without.
     */
    void addBridgeVlan(String device, int vid, boolean pvid, boolean untagged);

    /** {@code bridge vlan del dev DEV vid VID}, with {@code self} when DEV is the bridge itself. */
    void deleteBridgeVlan(String device, int vid);

    /** {@code bridge vlan show}: the VLANs of every bridge and bridge port. */
    List<BridgeVlan> bridgeVlans();

    // ---- addresses

    /** {@code ip addr show}: every address of every family. */
    List<Address> addresses();

    default List<Address> addresses(int linkIndex) {
        return addresses().stream().filter(a -> a.linkIndex() == linkIndex).toList();
    }

    /** {@code ip addr add NETWORK dev LINK [nodad] [noprefixroute]}. */
    void addAddress(String link, IpNetwork network, Set<Address.AddressFlag> flags);

    /** {@code ip addr replace NETWORK dev LINK ... valid_lft V preferred_lft P}: adds or updates lifetimes/flags. */
    void replaceAddress(String link, IpNetwork network, Set<Address.AddressFlag> flags, long validLifetimeSeconds,
                        long preferredLifetimeSeconds);

    /** {@code ip addr del NETWORK dev LINK}. */
    void deleteAddress(String link, IpNetwork network);

    // ---- routes

    /** {@code ip route show table all} for both families. */
    List<Route> routes();

    /** {@code ip route add ...}. */
    void addRoute(Route route);

    /** {@code ip route replace ...}. */
    void replaceRoute(Route route);

    /** {@code ip route del ...}. */
    void deleteRoute(Route route);

    // ---- neighbours

    /** {@code ip neigh show}. */
    List<Neighbour> neighbours();

    // ---- sysctls (per network namespace, through /proc/sys)

    /**
     * Reads a sysctl; empty when the key does not exist. Keys come dotted ({@code net.ipv4.ip_forward}) or as a path
     * below /proc/sys ({@code net/ipv4/conf/eth0.100/proxy_arp}); the path form is needed where an interface name
     * contains a dot.
     */
    Optional<String> sysctl(String key);

    /** Writes a sysctl (key as for {@link #sysctl}); throws when the key does not exist or the kernel refuses the value. */
    void setSysctl(String key, String value);

    // ---- packets and events

    /** Opens an AF_PACKET channel on {@code link} that receives what {@code filter} lets through. */
    PacketChannel openPacketChannel(String link, PacketFilter filter);

    /**
     * Subscribes to rtnetlink multicast groups; {@code listener} runs on the runtime's event thread. Closing the
     * returned handle leaves the groups.
     */
    AutoCloseable subscribe(EnumSet<NetworkEvent.Group> groups, Consumer<NetworkEvent> listener);

    /** The source address the kernel would choose to reach {@code destination}, if it has a route. */
    default Optional<InetAddress> sourceFor(InetAddress destination) {
        return Optional.empty();
    }
}
