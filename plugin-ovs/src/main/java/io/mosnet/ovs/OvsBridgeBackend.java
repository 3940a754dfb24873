package io.mosnet.ovs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.Route;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.VlanReport;
import io.mosnet.ovs.controller.MacNatController;
import io.mosnet.ovs.ovsdb.BridgeTransactions;
import io.mosnet.ovs.ovsdb.OvsdbClient;
import io.mosnet.ovs.ovsdb.OvsdbState;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridge backend {@code ovs}: bridge {@code mos} in Open vSwitch through OVSDB, with mosnet's OpenFlow controller
 * for MAC NAT and the ARP/NDP proxy. Found by ServiceLoader (module-info {@code provides} and META-INF/services).
 * The runtime should {@link #close} it on shutdown to stop the controller threads.
 */
public final class OvsBridgeBackend implements BridgeBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OvsBridgeBackend.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Path kernelModule;
    /** mosnet's controller per bridge (two with the dual-nic topology). */
    private final Map<String, MacNatController> controllers = new LinkedHashMap<>();
    /** Per bridge, what the last configureHost put on its host interface, so a renewal removes the old values. */
    private final Map<String, Set<IpNetwork>> appliedAddresses = new LinkedHashMap<>();
    private final Map<String, List<Route>> appliedRoutes = new LinkedHashMap<>();

    public OvsBridgeBackend() {
        this(Path.of("/sys/module/openvswitch"));
    }

    /** {@code kernelModule}: where the openvswitch module shows itself when loaded (tests point elsewhere). */
    OvsBridgeBackend(Path kernelModule) {
        this.kernelModule = kernelModule;
    }

    @Override
    public String id() {
        return "ovs";
    }

    @Override
    public String description() {
        return "Open vSwitch bridge (OVSDB) with OpenFlow MAC NAT and the ARP/NDP proxy";
    }

    @Override
    public void preflight(PluginContext context) {
        OvsSettings s = OvsSettings.from(context.config());
        try (OvsdbClient client = OvsdbClient.connect(s.ovsdb(), s.timeout())) {
            List<String> dbs = client.listDatabases();
            if (!dbs.contains(OvsdbClient.DATABASE)) {
                throw new MosnetException("ovsdb-server at " + s.ovsdb() + " serves " + dbs
                        + " but not Open_vSwitch (wrong socket?)");
            }
            OvsdbState.read(client);
        }
    }

    /** The datapath: forced by settings, else system when the kernel module is loaded, else userspace (netdev). */
    String datapathType(OvsSettings s) {
        if (s.datapathType() != null) {
            return s.datapathType();
        }
        if (Files.isDirectory(kernelModule)) {
            return "system";
        }
        LOG.warn("the openvswitch kernel module is not loaded ({} is absent): bridge uses the userspace datapath "
                + "(datapath_type=netdev), which is slower", kernelModule);
        return "netdev";
    }

    @Override
    public synchronized BridgeAttachment attach(BridgeRequest request, PluginContext context) {
        OvsSettings s = OvsSettings.from(context.config());
        String name = request.bridgeName();
        Link uplink = request.uplink();
        MacAddress mac = uplink.mac();
        String datapath = datapathType(s);
        boolean adopted;
        long uplinkPort;
        try (OvsdbClient client = OvsdbClient.connect(s.ovsdb(), s.timeout())) {
            OvsdbState state = OvsdbState.read(client);
            state.bridgeWithPort(uplink.name()).filter(b -> !b.name().equals(name)).ifPresent(b -> {
                throw new MosnetException("uplink " + uplink.name() + " is already a port of OVS bridge '" + b.name()
                        + "'; remove it there first (ovs-vsctl del-port " + b.name() + " " + uplink.name() + ")");
            });
            List<List<ObjectNode>> changes = new ArrayList<>();
            var existing = state.bridge(name);
            if (existing.isEmpty()) {
                changes.add(BridgeTransactions.createBridge(name, uplink.name(), mac, datapath, request.vlanId(),
                        request.mtu()));
                adopted = false;
            } else {
                var b = existing.get();
                adopted = b.port(name).isPresent() && b.port(uplink.name()).isPresent();
                if (b.port(name).isEmpty()) {
                    changes.add(BridgeTransactions.addPort(b.uuid(), name, "internal"));
                }
                if (b.port(uplink.name()).isEmpty()) {
                    changes.add(BridgeTransactions.addPort(b.uuid(), uplink.name(), null));
                }
                if (!"secure".equals(b.failMode()) || !datapath.equals(b.datapathType())
                        || !mac.toString().equals(b.otherConfig().get("hwaddr"))) {
                    changes.add(BridgeTransactions.converge(b.uuid(), mac, datapath));
                }
                b.port(name).ifPresent(local -> changes.addAll(hostPortChanges(local, request)));
                adopted &= changes.isEmpty();
            }
            long nextCfg = -1;
            for (List<ObjectNode> ops : changes) {
                List<JsonNode> results = client.transact("Bridge " + name, ops);
                nextCfg = BridgeTransactions.nextCfgOf(results);
            }
            if (nextCfg >= 0) {
                awaitVswitchd(client, name, nextCfg, s.timeout());
            }
            state = OvsdbState.read(client);
            uplinkPort = ofport(state, name, uplink.name());
            ofport(state, name, name);
            LOG.info("{} OVS bridge {} ({} datapath) with uplink {} on OpenFlow port {}",
                    adopted ? "adopted" : changes.isEmpty() ? "kept" : "built", name, datapath, uplink.name(), uplinkPort);
        }
        HostNetwork net = context.network();
        net.setUp(uplink.name(), true);
        if (net.link(name).isEmpty()) {
            throw new MosnetException("OVS internal port " + name + " did not appear as a network interface "
                    + "(is ovs-vswitchd running in this network namespace?)");
        }
        net.setUp(name, true);
        MacNatController running = controllers.get(name);
        startController(s, name, new MacNatController.Config(request.mode(), uplinkPort, mac,
                running == null ? Set.of() : running.config().hostAddresses(), request.vlanId()));
        return new BridgeAttachment(name, name, mac, adopted);
    }

    /**
     * Through OVSDB ({@code mtu_request}), which ovs-vswitchd applies and keeps: without it, ovs-vswitchd.conf.db(5)
     * says, vswitchd sets an internal port's MTU to the smallest of the bridge's other interfaces. The uplink's
     * interface is asked for it too when it is smaller.
     */
    @Override
    public synchronized void setMtu(BridgeAttachment attachment, Link uplink, int mtu, PluginContext context) {
        OvsSettings s = OvsSettings.from(context.config());
        String name = attachment.bridgeName();
        try (OvsdbClient client = OvsdbClient.connect(s.ovsdb(), s.timeout())) {
            var bridge = OvsdbState.read(client).bridge(name)
                    .orElseThrow(() -> new MosnetException("no OVS bridge " + name + " to set MTU " + mtu + " on"));
            List<List<ObjectNode>> changes = new ArrayList<>();
            if (context.network().requireLink(uplink.name()).mtu() < mtu) {
                bridge.port(uplink.name()).ifPresent(p -> p.interfaces()
                        .forEach(i -> changes.add(BridgeTransactions.setMtuRequest(i.uuid(), mtu))));
            }
            bridge.port(attachment.hostInterface()).ifPresent(p -> p.interfaces().stream()
                    .filter(i -> !Integer.valueOf(mtu).equals(i.mtuRequest()))
                    .forEach(i -> changes.add(BridgeTransactions.setMtuRequest(i.uuid(), mtu))));
            long nextCfg = -1;
            for (List<ObjectNode> ops : changes) {
                nextCfg = BridgeTransactions.nextCfgOf(client.transact("Interface MTU " + mtu + " on " + name, ops));
            }
            if (nextCfg >= 0) {
                awaitVswitchd(client, name, nextCfg, s.timeout());
            }
        }
    }

    /**
     * The host's internal port of an adopted bridge brought to the request: its access VLAN (tag, none when
     * untagged) and, when one is asked for, its MTU.
     */
    private static List<List<ObjectNode>> hostPortChanges(OvsdbState.Port local, BridgeRequest request) {
        List<List<ObjectNode>> out = new ArrayList<>();
        int tag = local.tag() == null ? 0 : local.tag();
        if (tag != request.vlanId()) {
            out.add(BridgeTransactions.setAccessVlan(local.uuid(), request.vlanId()));
        }
        if (request.mtu() != 0) {
            local.interfaces().stream().filter(i -> !Integer.valueOf(request.mtu()).equals(i.mtuRequest()))
                    .forEach(i -> out.add(BridgeTransactions.setMtuRequest(i.uuid(), request.mtu())));
        }
        return out;
    }

    private static void awaitVswitchd(OvsdbClient client, String bridge, long nextCfg, Duration timeout) {
        try {
            client.transact("Open_vSwitch (waiting for ovs-vswitchd to apply next_cfg " + nextCfg + ")",
                    BridgeTransactions.awaitApplied(nextCfg, timeout.toMillis()));
        } catch (MosnetException e) {
            throw new MosnetException("ovs-vswitchd did not apply the configuration of bridge " + bridge + " within "
                    + timeout.toMillis() + " ms (is ovs-vswitchd running?)", e);
        }
    }

    /** The OpenFlow port of {@code port}, failing with vswitchd's error text when it could not add it. */
    private static long ofport(OvsdbState state, String bridge, String port) {
        var iface = state.bridge(bridge).flatMap(b -> b.port(port)).flatMap(p -> p.interfaces().stream().findFirst())
                .orElseThrow(() -> new MosnetException("OVS bridge " + bridge + " has no port " + port
                        + " after the transaction"));
        if (iface.ofport() == null || iface.ofport() <= 0) {
            throw new MosnetException("ovs-vswitchd could not add " + port + " to bridge " + bridge + ": "
                    + (iface.error() != null ? iface.error() : "no OpenFlow port number assigned"));
        }
        return iface.ofport();
    }

    private void startController(OvsSettings s, String bridge, MacNatController.Config config) {
        Path socket = s.managementSocket(bridge);
        MacNatController controller = controllers.get(bridge);
        if (controller != null && !controller.socket().equals(socket)) {
            controller.close();
            controller = null;
        }
        if (controller == null) {
            controller = new MacNatController(socket, config, r -> {
                Thread t = new Thread(r, "mosnet-ovs-controller-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, Duration.ofSeconds(5));
            controller.start();
            controllers.put(bridge, controller);
        } else {
            controller.reconfigure(config);
        }
        awaitFlows(s, controller);
    }

    private static void awaitFlows(OvsSettings s, MacNatController controller) {
        try {
            if (!controller.awaitInstalled(s.timeout())) {
                throw new MosnetException("mosnet's flows were not installed on " + controller.socket() + " within "
                        + s.timeout().toMillis() + " ms: " + (controller.lastError() == null ? "no barrier reply"
                        : controller.lastError()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MosnetException("interrupted while installing flows on " + controller.socket(), e);
        }
    }

    @Override
    public synchronized void configureHost(HostSetup setup, PluginContext context) {
        HostNetwork net = context.network();
        String host = setup.attachment().hostInterface();
        String bridge = setup.attachment().bridgeName();
        String uplink = setup.uplink().name();
        // Forwarding first: switching it on resets per-interface RA acceptance to 1, accept_ra=2 must come after.
        net.setSysctl("net.ipv4.ip_forward", "1");
        net.setSysctl("net.ipv6.conf.all.forwarding", "1");
        // The uplink is a pure L2 port; it must not pick up SLAAC addresses of its own.
        net.setSysctl("net.ipv6.conf." + uplink + ".disable_ipv6", "1");
        net.setSysctl("net.ipv6.conf." + host + ".accept_ra", "2");
        net.setUp(host, true);
        Link link = net.requireLink(host);
        List<Route> routes = setup.routes().stream().map(r -> r.linkIndex() == 0
                ? new Route(r.destination(), r.gateway(), link.index(), r.metric(), r.scope(), r.protocol(),
                r.onlink(), r.table())
                : r).toList();
        // Only what an earlier call added and this one no longer wants; addresses of others (SLAAC) stay.
        for (Route r : appliedRoutes.getOrDefault(bridge, List.of())) {
            if (!routes.contains(r)) {
                try {
                    net.deleteRoute(r);
                } catch (NetworkException e) {
                    if (!e.notFound()) {
                        throw e;
                    }
                }
            }
        }
        for (IpNetwork a : appliedAddresses.getOrDefault(bridge, Set.of())) {
            if (!setup.addresses().contains(a)) {
                try {
                    net.deleteAddress(host, a);
                } catch (NetworkException e) {
                    if (!e.notFound()) {
                        throw e;
                    }
                }
            }
        }
        Set<IpNetwork> present = net.addresses(link.index()).stream().map(Address::network)
                .collect(Collectors.toSet());
        for (IpNetwork a : setup.addresses()) {
            if (present.contains(a)) {
                continue;
            }
            // Like the linux backend: static IPv6 addresses skip DAD (the provider assigned them; DAD would leave
            // them tentative, unusable, for a second or more after start).
            Set<Address.AddressFlag> flags = a.isIpv6() && setup.mode() == Mode.STATIC
                    ? Set.of(Address.AddressFlag.NODAD) : Set.of();
            try {
                net.addAddress(host, a, flags);
            } catch (NetworkException e) {
                if (!e.alreadyExists()) {
                    throw e;
                }
            }
        }
        for (Route r : routes) {
            net.replaceRoute(r);
        }
        appliedAddresses.put(bridge, Set.copyOf(setup.addresses()));
        appliedRoutes.put(bridge, routes);
        MacNatController controller = controllers.get(bridge);
        if (controller != null) {
            Set<InetAddress> proxied = setup.mode() == Mode.STATIC
                    ? setup.addresses().stream().map(IpNetwork::address).collect(Collectors.toSet())
                    : Set.of();
            MacNatController.Config c = controller.config();
            controller.reconfigure(new MacNatController.Config(setup.mode(), c.uplinkPort(), c.nicMac(), proxied,
                    c.vlan()));
            awaitFlows(OvsSettings.from(context.config()), controller);
        }
    }

    @Override
    public Map<String, Object> inspect(PluginContext context) {
        OvsSettings s = OvsSettings.from(context.config());
        String bridge = context.config().bridgeName();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ovsdb", s.ovsdb());
        m.put("rundir", s.rundir().toString());
        try {
            Map<String, Object> state = new OvsViews(s, bridge).ovsdb();
            m.put("ovs_version", state.get("ovs_version"));
            Object bridges = state.get("bridges");
            if (bridges instanceof List<?> list) {
                list.stream().filter(b -> b instanceof Map<?, ?> bm && bridge.equals(bm.get("name"))).findFirst()
                        .ifPresent(b -> m.put("bridge", b));
            }
        } catch (MosnetException e) {
            m.put("ovsdb_error", e.getMessage());
        }
        MacNatController c;
        synchronized (this) {
            c = controllers.get(bridge);
        }
        if (c != null) {
            m.put("controller", c.status());
        }
        return m;
    }

    /** The bridge's VLANs from OVSDB: the host port's access VLAN, and what the trunks carry. */
    @Override
    public VlanReport vlan(String bridge, PluginContext context) {
        OvsSettings s = OvsSettings.from(context.config());
        try (OvsdbClient client = OvsdbClient.connect(s.ovsdb(), s.timeout())) {
            return OvsVlans.report(OvsdbState.read(client), bridge);
        }
    }

    /**
     * The CLI's OVS views by name, for the runtime's RPC: {@code ovs} (OVSDB state and controller status),
     * {@code flows} (OpenFlow flow stats), {@code datapath} (arg {@code verbose=true} for masks) and
     * {@code conntrack} (args {@code zone=N}, {@code stats=true}, {@code flush=true}).
     */
    @Override
    public Map<String, Object> view(String name, Map<String, String> args, PluginContext context) {
        OvsSettings s = OvsSettings.from(context.config());
        OvsViews views = new OvsViews(s, context.config().bridgeName());
        Integer zone = args.containsKey("zone") ? parseZone(args.get("zone")) : null;
        return switch (name) {
            case "ovs" -> inspect(context);
            case "flows" -> views.flows();
            case "datapath" -> views.datapathFlows(Boolean.parseBoolean(args.getOrDefault("verbose", "false")));
            case "conntrack" -> Boolean.parseBoolean(args.getOrDefault("flush", "false")) ? views.flushConntrack(zone)
                    : Boolean.parseBoolean(args.getOrDefault("stats", "false")) ? views.conntrackStats()
                    : views.conntrack(zone);
            default -> throw new MosnetException("unknown OVS view '" + name + "' (known: "
                    + String.join(", ", OvsViews.NAMES) + ")");
        };
    }

    private static Integer parseZone(String text) {
        try {
            int z = Integer.parseInt(text);
            if (z < 0 || z > 0xffff) {
                throw new NumberFormatException();
            }
            return z;
        } catch (NumberFormatException e) {
            throw new MosnetException("conntrack zone must be 0-65535, got '" + text + "'", e);
        }
    }

    @Override
    public synchronized void close() {
        controllers.values().forEach(MacNatController::close);
        controllers.clear();
    }
}
