package io.mosnet.linuxbridge;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridge {@code mos} as a Linux bridge. The uplink becomes a pure layer-2 port; the bridge takes the uplink's MAC so
 * that the upstream switch keeps seeing one address; the host's addresses and routes live on the bridge. Every step
 * looks before it changes, so a second run with the same request changes nothing.
 */
public final class LinuxBridgeBackend implements BridgeBackend {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxBridgeBackend.class);

    /** Bridges {@link #stage} created that {@link #attach} has not taken yet: new, not an earlier run's to adopt. */
    private final Set<String> staged = ConcurrentHashMap.newKeySet();

    @Override
    public String id() {
        return "linux";
    }

    @Override
    public String description() {
        return "Linux bridge over rtnetlink (no daemons needed)";
    }

    /** Creates the bridge while the probe runs, with the MAC of the only candidate NIC if there is just one. */
    @Override
    public void stage(String bridgeName, Link likelyUplink, PluginContext context) {
        HostNetwork net = context.network();
        if (net.link(bridgeName).isPresent()) {
            return; // an earlier run's (or not a bridge at all): attach adopts it or says what is wrong
        }
        Link bridge = net.createBridge(bridgeName);
        staged.add(bridgeName);
        LOG.info("created bridge {}", bridgeName);
        if (likelyUplink != null && !bridge.mac().equals(likelyUplink.mac())) {
            net.setMac(bridgeName, likelyUplink.mac());
        }
    }

    @Override
    public BridgeAttachment attach(BridgeRequest request, PluginContext context) {
        HostNetwork net = context.network();
        String name = request.bridgeName();
        Link uplink = net.requireLink(request.uplink().name());
        Optional<Link> existing = net.link(name);
        boolean adopted = existing.isPresent() && !staged.remove(name);
        Link bridge;
        if (existing.isPresent()) {
            bridge = existing.get();
            if (!"bridge".equals(bridge.kind())) {
                throw new MosnetException("interface '" + name + "' exists but is " + kindOf(bridge)
                        + ", not a Linux bridge; remove it or use the backend that made it");
            }
            if (adopted) {
                LOG.info("adopting existing bridge {}", name);
            }
        } else {
            bridge = net.createBridge(name);
            LOG.info("created bridge {}", name);
        }
        if (!bridge.mac().equals(uplink.mac())) {
            // A bridge otherwise takes the lowest port MAC, which changes as VM ports come and go.
            net.setMac(name, uplink.mac());
            adopted = false;
        }
        if (uplink.masterIndex() != bridge.index()) {
            net.setMaster(uplink.name(), name);
            adopted = false;
        }
        if (request.vlanId() != 0 && new BridgeVlans(net, bridge, uplink).converge(request.vlanId())) {
            adopted = false;
        }
        if (request.mtu() != 0 && bridge.mtu() != request.mtu()) {
            net.setMtu(name, request.mtu());
            LOG.info("MTU {} set on {}", request.mtu(), name);
            adopted = false;
        }
        if (!uplink.up()) {
            net.setUp(uplink.name(), true);
        }
        if (!bridge.up()) {
            net.setUp(name, true);
        }
        // The uplink is a layer-2 port: no SLAAC address of its own.
        sysctl(net, "net/ipv6/conf/" + uplink.name() + "/disable_ipv6", "1");
        return new BridgeAttachment(name, name, uplink.mac(), adopted);
    }

    @Override
    public void configureHost(HostSetup setup, PluginContext context) {
        HostNetwork net = context.network();
        String dev = setup.attachment().hostInterface();
        Link link = net.requireLink(dev);

        hostRouting(net, dev, setup.mode());

        // Host routing alone (DHCP mode's set-up before the first lease) reads neither table.
        List<Address> present = setup.addresses().isEmpty() ? List.of() : net.addresses(link.index());
        for (IpNetwork a : setup.addresses()) {
            boolean there = present.stream().anyMatch(p -> p.network().equals(a));
            if (!there) {
                // Static IPv6 addresses skip DAD: the provider assigned them, and DAD would delay boot by a second.
                Set<Address.AddressFlag> flags = a.isIpv6() && setup.mode() == Mode.STATIC
                        ? EnumSet.of(Address.AddressFlag.NODAD) : EnumSet.noneOf(Address.AddressFlag.class);
                net.addAddress(dev, a, flags);
                LOG.info("address {} added on {}", a, dev);
            }
        }
        List<Route> routes = setup.routes().isEmpty() ? List.of() : net.routes();
        for (Route r : setup.routes()) {
            Route wanted = r.linkIndex() == 0 ? withLink(r, link.index()) : r;
            if (routes.stream().noneMatch(x -> same(x, wanted))) {
                net.replaceRoute(wanted);
                LOG.info("route {}{} dev {} installed", wanted.destination(),
                        wanted.gateway() == null ? "" : " via " + IpAddresses.format(wanted.gateway()), dev);
            }
        }
    }

    @Override
    public Map<String, Object> inspect(PluginContext context) {
        HostNetwork net = context.network();
        String name = context.config().bridgeName();
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<Link> bridge = net.link(name);
        m.put("bridge", name);
        m.put("present", bridge.isPresent());
        // A loop rather than lambdas: static mode calls this before READY, and bin/mosnet-aot trains static mode on
        // a second uplink only, which does not get here, so lambdas would be spun at each start (~3 ms, interpreted).
        if (bridge.isPresent()) {
            Link b = bridge.get();
            List<String> ports = new ArrayList<>();
            for (Link l : net.links()) {
                if (l.masterIndex() == b.index()) {
                    ports.add(l.name());
                }
            }
            m.put("mac", b.mac().toString());
            m.put("up", b.up());
            m.put("ports", List.copyOf(ports));
        }
        return m;
    }

    /** VLAN filtering and every VLAN of the bridge and its ports, by port name. */
    @Override
    public VlanReport vlan(String bridge, PluginContext context) {
        HostNetwork net = context.network();
        Link b = net.requireLink(bridge);
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(b.index(), bridge);
        net.links().stream().filter(l -> l.masterIndex() == b.index()).forEach(l -> names.put(l.index(), l.name()));
        List<VlanMembership> memberships = net.bridgeVlans().stream().filter(v -> names.containsKey(v.linkIndex()))
                .map(v -> new VlanMembership(names.get(v.linkIndex()), v.vid(), v.pvid(), v.untagged())).toList();
        return new VlanReport(net.bridgeVlanFiltering(bridge), memberships);
    }

    /**
     * Forwarding for the VMs behind the bridge; accept_ra=2 so that SLAAC still works with forwarding on; in static
     * mode proxy ARP/NDP so that addresses routed to VMs are answered with the bridge's (the NIC's) MAC.
     */
    private static void hostRouting(HostNetwork net, String dev, Mode mode) {
        sysctl(net, "net/ipv4/ip_forward", "1");
        sysctl(net, "net/ipv6/conf/all/forwarding", "1");
        sysctl(net, "net/ipv6/conf/" + dev + "/accept_ra", "2");
        if (mode == Mode.STATIC) {
            sysctl(net, "net/ipv4/conf/" + dev + "/proxy_arp", "1");
            sysctl(net, "net/ipv6/conf/" + dev + "/proxy_ndp", "1");
        }
    }

    private static void sysctl(HostNetwork net, String key, String value) {
        if (!net.sysctl(key).map(String::trim).filter(value::equals).isPresent()) {
            net.setSysctl(key, value);
        }
    }

    private static boolean same(Route a, Route b) {
        return a.table() == b.table() && a.destination().equals(b.destination())
                && java.util.Objects.equals(a.gateway(), b.gateway()) && a.linkIndex() == b.linkIndex()
                && a.metric() == b.metric();
    }

    private static Route withLink(Route r, int index) {
        return new Route(r.destination(), r.gateway(), index, r.metric(), r.scope(), r.protocol(), r.onlink(), r.table());
    }

    private static String kindOf(Link l) {
        return l.kind().isEmpty() ? "a device without a kind (a NIC?)" : "of kind '" + l.kind() + "'";
    }
}
