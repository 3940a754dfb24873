package io.mosnet.runtime.netlink;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.BridgeVlan;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Neighbour;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import io.mosnet.api.net.Route;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The host-network facade over rtnetlink (one NETLINK_ROUTE socket per handle), /proc/sys and AF_PACKET, for the
 * caller's network namespace ({@link #open()}) or a named one ({@link #openIn(String)}, as {@code ip -n NAME}).
 * Thread-safe: requests on the handle's socket are serialised. Close the handle to release its socket and, for a
 * named namespace, the thread parked in it; packet channels and subscriptions are closed by their own holders.
 *
 * <pre>{@code
 * try (NetlinkHostNetwork net = NetlinkHostNetwork.open()) {        // or openIn("lab-host")
 *     Link mos = net.createBridge("mos");
 *     net.setMaster("eth0", "mos");
 *     net.addAddress("mos", IpNetwork.parse("192.0.2.10/32"), Set.of());
 *     net.addRoute(Route.hostRoute(gw, mos.index()));
 *     net.addRoute(Route.defaultVia(gw, mos.index(), false));
 *     net.setSysctl("net.ipv4.conf.mos.proxy_arp", "1");
 * } catch (NetworkException e) {
 *     // "RTM_NEWADDR 192.0.2.10/32 dev mos: File exists (ipv4: Address already assigned)", e.errno() == 17
 * }
 * }</pre>
 */
public final class NetlinkHostNetwork implements HostNetwork, AutoCloseable {

    private final NetworkNamespace namespace;
    private final NetlinkSocket socket;

    private NetlinkHostNetwork(NetworkNamespace namespace, NetlinkSocket socket) {
        this.namespace = namespace;
        this.socket = socket;
    }

    /** Opens a handle in the calling process's network namespace. */
    /**
     * Binds the native libc functions behind every handle (the first JNA registration: tens of milliseconds) without
     * opening anything; safe to call from any thread, any number of times.
     */
    public static void loadNative() {
        LinuxNative.load();
    }

    public static NetlinkHostNetwork open() {
        return open(NetworkNamespace.current());
    }

    /** Opens a handle inside the named network namespace ({@code /run/netns/NAME}), as {@code ip -n NAME}. */
    public static NetlinkHostNetwork openIn(String namespace) {
        return open(NetworkNamespace.named(namespace));
    }

    private static NetlinkHostNetwork open(NetworkNamespace ns) {
        try {
            return new NetlinkHostNetwork(ns, ns.call(NetlinkSocket::open));
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /** The namespace this handle works in, empty for the caller's own. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace.name());
    }

    // ---- links

    @Override
    public List<Link> links() {
        return socket.request(LinkCodec.dump(), "RTM_GETLINK dump").stream()
                .filter(m -> m.type() == Rtnl.RTM_NEWLINK).map(LinkCodec::decode).toList();
    }

    @Override
    public Optional<Link> link(String name) {
        if (name == null || name.isEmpty() || name.length() > 15) {
            return Optional.empty(); // IFNAMSIZ: no interface can have such a name
        }
        return single(LinkCodec.get(name), "RTM_GETLINK " + name).map(LinkCodec::decode);
    }

    @Override
    public Optional<Link> link(int index) {
        if (index <= 0) {
            return Optional.empty();
        }
        return single(LinkCodec.get(index), "RTM_GETLINK ifindex " + index).map(LinkCodec::decode);
    }

    @Override
    public Link createBridge(String name) {
        socket.request(LinkCodec.createBridge(name), "RTM_NEWLINK " + name + " type bridge");
        return link(name).orElseThrow(() -> new NetworkException(
                "RTM_NEWLINK " + name + " type bridge: the kernel accepted it but the link is gone", 19));
    }

    @Override
    public void setUp(String name, boolean up) {
        String what = "RTM_NEWLINK " + name + (up ? " up" : " down");
        socket.request(LinkCodec.setUp(index(name, what), up), what);
    }

    @Override
    public void setMaster(String name, String master) {
        String what = "RTM_NEWLINK " + name + (master == null ? " nomaster" : " master " + master);
        int masterIndex = master == null ? 0 : index(master, what);
        socket.request(LinkCodec.setMaster(index(name, what), masterIndex), what);
    }

    @Override
    public void setMac(String name, MacAddress mac) {
        String what = "RTM_NEWLINK " + name + " address " + mac;
        socket.request(LinkCodec.setMac(index(name, what), mac), what);
    }

    @Override
    public void setMtu(String name, int mtu) {
        String what = "RTM_NEWLINK " + name + " mtu " + mtu;
        socket.request(LinkCodec.setMtu(index(name, what), mtu), what);
    }

    @Override
    public void deleteLink(String name) {
        String what = "RTM_DELLINK " + name;
        socket.request(LinkCodec.delete(index(name, what)), what);
    }

    // ---- bridge VLANs

    @Override
    public void setBridgeVlanFiltering(String bridge, boolean on) {
        String what = "RTM_NEWLINK " + bridge + " type bridge vlan_filtering " + (on ? 1 : 0);
        socket.request(BridgeVlanCodec.setFiltering(index(bridge, what), on), what);
    }

    @Override
    public boolean bridgeVlanFiltering(String bridge) {
        String what = "RTM_GETLINK " + bridge;
        NetlinkMessage m = single(LinkCodec.get(bridge), what).orElseThrow(() -> new NetworkException(
                what + ": no interface named '" + bridge + "' (" + LinuxNative.strerror(19) + ")", 19));
        return BridgeVlanCodec.filtering(m);
    }

    @Override
    public void addBridgeVlan(String device, int vid, boolean pvid, boolean untagged) {
        String what = "RTM_SETLINK bridge vlan add dev " + device + " vid " + vid;
        Link link = requireLink(device, what);
        boolean self = "bridge".equals(link.kind());
        what += (pvid ? " pvid" : "") + (untagged ? " untagged" : "") + (self ? " self" : "");
        socket.request(BridgeVlanCodec.add(link.index(), vid, pvid, untagged, self), what);
    }

    @Override
    public void deleteBridgeVlan(String device, int vid) {
        String what = "RTM_DELLINK bridge vlan del dev " + device + " vid " + vid;
        Link link = requireLink(device, what);
        boolean self = "bridge".equals(link.kind());
        socket.request(BridgeVlanCodec.delete(link.index(), vid, self), what + (self ? " self" : ""));
    }

    @Override
    public List<BridgeVlan> bridgeVlans() {
        return socket.request(BridgeVlanCodec.dump(), "RTM_GETLINK AF_BRIDGE dump (bridge vlan show)").stream()
                .filter(m -> m.type() == Rtnl.RTM_NEWLINK).flatMap(m -> BridgeVlanCodec.decode(m).stream()).toList();
    }

    // ---- addresses

    @Override
    public List<Address> addresses() {
        return socket.request(AddressCodec.dump(), "RTM_GETADDR dump").stream()
                .filter(m -> m.type() == Rtnl.RTM_NEWADDR).map(AddressCodec::decode).toList();
    }

    @Override
    public void addAddress(String link, IpNetwork network, Set<Address.AddressFlag> flags) {
        String what = "RTM_NEWADDR " + AddressCodec.describe(network, link);
        socket.request(AddressCodec.add(index(link, what), network, flags), what);
    }

    @Override
    public void replaceAddress(String link, IpNetwork network, Set<Address.AddressFlag> flags,
                               long validLifetimeSeconds, long preferredLifetimeSeconds) {
        String what = "RTM_NEWADDR " + AddressCodec.describe(network, link) + " (replace, valid_lft "
                + validLifetimeSeconds + " preferred_lft " + preferredLifetimeSeconds + ")";
        socket.request(AddressCodec.replace(index(link, what), network, flags, validLifetimeSeconds,
                preferredLifetimeSeconds), what);
    }

    @Override
    public void deleteAddress(String link, IpNetwork network) {
        String what = "RTM_DELADDR " + AddressCodec.describe(network, link);
        socket.request(AddressCodec.delete(index(link, what), network), what);
    }

    // ---- routes

    /** Unicast routes of every table and both families; local, broadcast and multicast entries are left out. */
    @Override
    public List<Route> routes() {
        return socket.request(RouteCodec.dump(), "RTM_GETROUTE dump").stream()
                .filter(m -> m.type() == Rtnl.RTM_NEWROUTE && RouteCodec.isUnicast(m))
                .map(RouteCodec::decode).toList();
    }

    @Override
    public void addRoute(Route route) {
        socket.request(RouteCodec.add(route), "RTM_NEWROUTE " + describe(route));
    }

    @Override
    public void replaceRoute(Route route) {
        socket.request(RouteCodec.replace(route), "RTM_NEWROUTE " + describe(route) + " (replace)");
    }

    @Override
    public void deleteRoute(Route route) {
        socket.request(RouteCodec.delete(route), "RTM_DELROUTE " + describe(route));
    }

    @Override
    public Optional<InetAddress> sourceFor(InetAddress destination) {
        String what = "RTM_GETROUTE " + IpAddresses.format(destination);
        try {
            return single(RouteCodec.get(destination), what)
                    .map(m -> Attributes.parse(m.payload(), RouteMessage.LENGTH).address(Rtnl.RTA_PREFSRC));
        } catch (NetworkException e) {
            if (e.errno() == 101 || e.errno() == 113) { // ENETUNREACH, EHOSTUNREACH: no route
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- neighbours

    @Override
    public List<Neighbour> neighbours() {
        return socket.request(NeighbourCodec.dump(), "RTM_GETNEIGH dump").stream()
                .filter(m -> m.type() == Rtnl.RTM_NEWNEIGH && NeighbourCodec.isIpNeighbour(m))
                .map(NeighbourCodec::decode).toList();
    }

    // ---- sysctls

    /**
     * Reads a sysctl of this handle's namespace. Keys use the sysctl.d(5) forms: {@code net.ipv4.conf.mos.proxy_arp},
     * with a slash for a dot inside an interface name ({@code net.ipv4.conf.eth0/100.rp_filter}), or a path
     * ({@code net/ipv4/conf/eth0.100/rp_filter}). The trailing newline is removed.
     */
    @Override
    public Optional<String> sysctl(String key) {
        return namespace.call(() -> Sysctl.read(key));
    }

    @Override
    public void setSysctl(String key, String value) {
        namespace.call(() -> {
            Sysctl.write(key, value);
            return null;
        });
    }

    // ---- packets and events

    @Override
    public PacketChannel openPacketChannel(String link, PacketFilter filter) {
        Link l = link(link).orElseThrow(() -> new NetworkException(
                "open packet channel on " + link + ": No such device", 19));
        return namespace.call(() -> PacketSocket.open(l, filter));
    }

    @Override
    public AutoCloseable subscribe(EnumSet<NetworkEvent.Group> groups, Consumer<NetworkEvent> listener) {
        return EventSubscription.start(namespace, groups, listener);
    }

    @Override
    public void close() {
        socket.close();
        namespace.close();
    }

    // ---- helpers

    private Optional<NetlinkMessage> single(MessageWriter request, String what) {
        try {
            return socket.request(request, what).stream().findFirst();
        } catch (NetworkException e) {
            if (e.errno() == 19) { // ENODEV: the kernel's answer for an unknown name or index
                return Optional.empty();
            }
            throw e;
        }
    }

    private Link requireLink(String name, String what) {
        return link(name).orElseThrow(() -> new NetworkException(
                what + ": no interface named '" + name + "' (" + LinuxNative.strerror(19) + ")", 19));
    }

    private int index(String name, String what) {
        return link(name).map(Link::index).orElseThrow(() -> new NetworkException(
                what + ": no interface named '" + name + "' (" + LinuxNative.strerror(19) + ")", 19));
    }

    /** A route for messages, with the device's name rather than its index. */
    private String describe(Route route) {
        String text = RouteCodec.describe(route);
        if (route.linkIndex() != 0) {
            String name = link(route.linkIndex()).map(Link::name).orElse("#" + route.linkIndex());
            text = text.replace(" dev #" + route.linkIndex(), " dev " + name);
        }
        return text;
    }
}
