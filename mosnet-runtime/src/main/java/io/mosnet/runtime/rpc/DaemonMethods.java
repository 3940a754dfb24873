package io.mosnet.runtime.rpc;

import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.ConfigReport;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.HealthReport;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.OvsReport;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.PrefixReport;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.api.state.VlanReport;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** The API methods mosnetd serves, each bound to a {@link DaemonView} method. */
public final class DaemonMethods {

    public static final String STATUS = "status";
    public static final String CONFIG = "config";
    public static final String LEASE = "lease";
    public static final String PREFIX = "prefix";
    public static final String HEALTH = "health";
    public static final String PLUGINS = "plugins";
    public static final String FIREWALL = "firewall";
    public static final String BRIDGE = "bridge";
    public static final String VLAN = "vlan";
    public static final String OVS = "ovs";
    public static final String FLOWS = "flows";
    public static final String DATAPATH = "datapath";
    public static final String CONNTRACK = "conntrack";
    public static final String CONNTRACK_FLUSH = "conntrack.flush";
    public static final String VERIFY = "verify";

    private static final RpcParam ZONE = RpcParam.optionalInteger("zone", "conntrack zone; all zones when absent",
            0, 65535);

    private DaemonMethods() {
    }

    /** A registry titled {@code mosnetd} holding {@code rpc.discover} and every daemon method. */
    public static RpcRegistry registry(DaemonView view, String version) {
        RpcRegistry registry = new RpcRegistry("mosnetd", version);
        register(registry, view);
        return registry;
    }

    public static void register(RpcRegistry r, DaemonView view) {
        r.register(RpcMethod.view(STATUS, "Daemon state: mode, NIC, bridge, addresses, routes, DNS, leases",
                DaemonState.class, (p, c) -> view.state()));
        r.register(RpcMethod.view(CONFIG, "Kernel command line parameters and the effective configuration",
                ConfigReport.class, (p, c) -> view.config()));
        r.register(RpcMethod.view(LEASE, "DHCP leases with their timers", listOf(LeaseState.class),
                (p, c) -> view.leases()));
        r.register(RpcMethod.view(PREFIX, "Delegated IPv6 prefixes (DHCPv6-PD)", PrefixReport.class,
                (p, c) -> view.prefix()));
        r.register(RpcMethod.view(HEALTH, "healthy, or degraded with the reasons", HealthReport.class,
                (p, c) -> view.health()));
        r.register(RpcMethod.view(PLUGINS, "Loaded plugins with id, kind, version and source",
                listOf(PluginInfo.class), (p, c) -> view.plugins()));
        r.register(RpcMethod.view(FIREWALL, "mosnet's nftables tables, chains and rules with counters",
                FirewallReport.class, (p, c) -> view.firewall()));
        r.register(RpcMethod.view(BRIDGE, "The bridge and its ports", BridgeReport.class, (p, c) -> view.bridge()));
        r.register(RpcMethod.view(VLAN, "VLAN filtering of the bridge", VlanReport.class, (p, c) -> view.vlan()));
        r.register(RpcMethod.view(OVS, "The Open vSwitch bridge and its ports", OvsReport.class,
                (p, c) -> view.ovs()));
        r.register(RpcMethod.view(FLOWS, "The OpenFlow flow table", listOf(FlowEntry.class), (p, c) -> view.flows()));
        r.register(new RpcMethod(DATAPATH, "Datapath flows", List.of(RpcParam.optionalBoolean("verbose",
                "show masks")), listOf(DatapathFlow.class), false,
                (p, c) -> view.datapath(p.bool("verbose", false))));
        r.register(new RpcMethod(CONNTRACK, "Conntrack entries, optionally of one zone and with counters",
                List.of(ZONE, RpcParam.optionalBoolean("stats", "include counters")), ConntrackReport.class, false,
                (p, c) -> view.conntrack(p.integer("zone").orElse(null), p.bool("stats", false))));
        r.register(new RpcMethod(CONNTRACK_FLUSH, "Flush conntrack entries of one zone or all (root only)",
                List.of(ZONE), ConntrackFlushResult.class, true,
                (p, c) -> view.flushConntrack(p.integer("zone").orElse(null))));
        r.register(RpcMethod.view(VERIFY, "The daemon's check of nft tables and OVS flows against what it expects",
                VerifyReport.class, (p, c) -> view.verify()));
    }

    /** {@code List<T>} as a reflective type, so that the OpenRPC schema shows the element type. */
    static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
