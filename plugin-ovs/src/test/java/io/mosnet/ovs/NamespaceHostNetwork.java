package io.mosnet.ovs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.Neighbour;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import io.mosnet.api.net.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of {@link HostNetwork} the OVS backend uses, done with {@code ip -n NS} inside a test namespace (the
 * runtime's netlink implementation is not part of this module). Verbs the backend never calls fail the test.
 */
final class NamespaceHostNetwork implements HostNetwork {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String ns;

    NamespaceHostNetwork(String ns) {
        this.ns = ns;
    }

    private JsonNode json(String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-j", "-n", ns));
        c.addAll(List.of(args));
        try {
            return MAPPER.readTree(Lab.ok(c.toArray(String[]::new)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void ip(String what, String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-n", ns));
        c.addAll(List.of(args));
        Lab.Result r = Lab.run(c.toArray(String[]::new));
        if (r.exit() != 0) {
            int errno = r.output().contains("File exists") ? 17 : r.output().contains("Cannot find") ? 19 : 0;
            throw new NetworkException(what + ": " + r.output().strip(), errno);
        }
    }

    @Override
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (JsonNode l : json("link", "show")) {
            String mac = l.path("address").asText("");
            List<String> flags = new ArrayList<>();
            l.path("flags").forEach(f -> flags.add(f.asText()));
            out.add(new Link(l.path("ifindex").asInt(), l.path("ifname").asText(), l.path("link_type").asText(),
                    mac.length() == 17 ? MacAddress.parse(mac) : MacAddress.ZERO, l.path("mtu").asInt(),
                    flags.contains("UP"), flags.contains("LOWER_UP"), 0));
        }
        return out;
    }

    @Override
    public Optional<Link> link(String name) {
        return links().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Link> link(int index) {
        return links().stream().filter(l -> l.index() == index).findFirst();
    }

    @Override
    public void setUp(String name, boolean up) {
        ip("RTM_NEWLINK " + name, "link", "set", name, up ? "up" : "down");
    }

    @Override
    public List<Address> addresses() {
        List<Address> out = new ArrayList<>();
        for (JsonNode l : json("addr", "show")) {
            for (JsonNode a : l.path("addr_info")) {
                out.add(Address.permanent(l.path("ifindex").asInt(),
                        new IpNetwork(IpAddresses.parse(a.path("local").asText()), a.path("prefixlen").asInt())));
            }
        }
        return out;
    }

    @Override
    public void addAddress(String link, IpNetwork network, Set<Address.AddressFlag> flags) {
        List<String> args = new ArrayList<>(List.of("addr", "add", network.toString(), "dev", link));
        if (flags.contains(Address.AddressFlag.NODAD)) {
            args.add("nodad");
        }
        ip("RTM_NEWADDR " + network + " dev " + link, args.toArray(String[]::new));
    }

    @Override
    public void replaceRoute(Route route) {
        String dev = link(route.linkIndex()).orElseThrow().name();
        List<String> args = new ArrayList<>(List.of("route", "replace", route.destination().toString()));
        if (route.gateway() != null) {
            args.addAll(List.of("via", IpAddresses.format(route.gateway())));
        }
        args.addAll(List.of("dev", dev));
        ip("RTM_NEWROUTE " + route.destination(), args.toArray(String[]::new));
    }

    @Override
    public Optional<String> sysctl(String key) {
        Lab.Result r = Lab.run(Lab.inNs(ns, "sysctl", "-n", key));
        return r.exit() == 0 ? Optional.of(r.output().strip()) : Optional.empty();
    }

    @Override
    public void setSysctl(String key, String value) {
        Lab.ok(Lab.inNs(ns, "sysctl", "-q", "-w", key + "=" + value));
    }

    // ---- not used by the OVS backend

    private static AssertionError unused() {
        return new AssertionError("the OVS backend is not expected to call this HostNetwork verb");
    }

    @Override
    public Link createBridge(String name) {
        throw unused();
    }

    @Override
    public void setMaster(String name, String master) {
        throw unused();
    }

    @Override
    public void setMac(String name, MacAddress mac) {
        throw unused();
    }

    @Override
    public void setMtu(String name, int mtu) {
        throw unused();
    }

    @Override
    public void deleteLink(String name) {
        throw unused();
    }

    @Override
    public void setBridgeVlanFiltering(String bridge, boolean on) {
        throw unused();
    }

    @Override
    public boolean bridgeVlanFiltering(String bridge) {
        throw unused();
    }

    @Override
    public void addBridgeVlan(String device, int vid, boolean pvid, boolean untagged) {
        throw unused();
    }

    @Override
    public void deleteBridgeVlan(String device, int vid) {
        throw unused();
    }

    @Override
    public List<io.mosnet.api.net.BridgeVlan> bridgeVlans() {
        throw unused();
    }

    @Override
    public void replaceAddress(String link, IpNetwork network, Set<Address.AddressFlag> flags, long valid,
                               long preferred) {
        throw unused();
    }

    @Override
    public void deleteAddress(String link, IpNetwork network) {
        ip("RTM_DELADDR " + network + " dev " + link, "addr", "del", network.toString(), "dev", link);
    }

    @Override
    public List<Route> routes() {
        throw unused();
    }

    @Override
    public void addRoute(Route route) {
        throw unused();
    }

    @Override
    public void deleteRoute(Route route) {
        ip("RTM_DELROUTE " + route.destination(), "route", "del", route.destination().toString());
    }

    @Override
    public List<Neighbour> neighbours() {
        throw unused();
    }

    @Override
    public PacketChannel openPacketChannel(String link, PacketFilter filter) {
        throw unused();
    }

    @Override
    public AutoCloseable subscribe(EnumSet<NetworkEvent.Group> groups, Consumer<NetworkEvent> listener) {
        throw unused();
    }
}
