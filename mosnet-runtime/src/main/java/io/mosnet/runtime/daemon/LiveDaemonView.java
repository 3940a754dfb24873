package io.mosnet.runtime.daemon;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.firewall.Firewall;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.state.BridgePortState;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.ConfigReport;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.api.state.DelegatedPrefix;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.HealthReport;
import io.mosnet.api.state.OvsReport;
import io.mosnet.api.state.PrefixReport;
import io.mosnet.api.state.VerifyDifference;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.api.state.VlanReport;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.rpc.DaemonView;
import io.mosnet.runtime.rpc.RpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the API serves, from the daemon's status and, for live views, the kernel and the plugins. */
final class LiveDaemonView implements DaemonView {

    /** The bridge backend id whose views serve ovs, flows, datapath and conntrack. */
    private static final String OVS = "ovs";

    private final DaemonStatus status;
    private final RuntimeContext context;
    private final Plan plan;
    private final ConfigLoader.Loaded loaded;
    private final DaemonOptions options;

    LiveDaemonView(DaemonStatus status, RuntimeContext context, Plan plan, ConfigLoader.Loaded loaded,
                   DaemonOptions options) {
        this.status = status;
        this.context = context;
        this.plan = plan;
        this.loaded = loaded;
        this.options = options;
    }

    @Override
    public DaemonState state() {
        return status.snapshot();
    }

    @Override
    public ConfigReport config() {
        String cmdline;
        try {
            cmdline = io.mosnet.runtime.config.KernelCmdline.withoutCommentLines(
                    java.nio.file.Files.readString(options.cmdline()));
        } catch (java.io.IOException e) {
            cmdline = "(cannot read " + options.cmdline() + ": " + e.getMessage() + ")";
        }
        Map<String, String> params = new LinkedHashMap<>();
        loaded.origins().forEach((setting, origin) -> params.put(setting.key(), origin));
        return new ConfigReport(cmdline, params, java.nio.file.Files.exists(options.config())
                ? options.config().toString() : null, loaded.config());
    }

    @Override
    public PrefixReport prefix() {
        // The state keeps "prefix/len" or "prefix/len (bridge addr/64)".
        List<DelegatedPrefix> prefixes = state().delegatedPrefixes().stream().map(p -> {
            int i = p.indexOf(" (bridge ");
            return i < 0 ? new DelegatedPrefix(p, null, null, null, null)
                    : new DelegatedPrefix(p.substring(0, i), p.substring(i + 9, p.length() - 1), null, null, null);
        }).toList();
        return new PrefixReport(prefixes);
    }

    @Override
    public HealthReport health() {
        DaemonState s = state();
        List<String> reasons = new ArrayList<>(s.problems());
        if (!"running".equals(s.phase())) {
            reasons.add(0, "mosnetd is " + s.phase() + ", not running");
        }
        egressGuardDrops().ifPresent(n -> reasons.add("egress MAC guard dropped " + n + " frame(s) leaving "
                + s.nic() + " with a source MAC other than the NIC's (a VM bridged without MAC NAT?)"));
        return HealthReport.of(reasons, s.phase(), context.clock().instant());
    }

    /** Frames the optional egress MAC guard dropped, when it is on and has dropped any. */
    private Optional<Long> egressGuardDrops() {
        Object on = context.config().pluginSettings("nftables").get("egress_mac_guard");
        if (!"true".equalsIgnoreCase(String.valueOf(on))) {
            return Optional.empty();
        }
        try {
            return firewallPlugin().map(f -> f.report(context)).flatMap(r -> r.counters().stream()
                    .filter(c -> c.name().equals("foreign_source_mac")).map(FirewallReport.Counter::packets)
                    .filter(n -> n > 0).findFirst());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public FirewallReport firewall() {
        return firewallPlugin().map(f -> f.report(context))
                .orElseThrow(() -> RpcException.unavailable("no firewall plugin is installed"));
    }

    @Override
    public BridgeReport bridge() {
        HostNetwork net = context.network();
        String name = context.config().bridgeName();
        Link bridge = net.link(name).orElseThrow(() -> RpcException.unavailable("bridge " + name + " does not exist"));
        String uplink = state().nic();
        List<BridgePortState> ports = OVS.equals(plan.backend().id()) ? ovsPorts(net, name, uplink)
                : net.links().stream().filter(l -> l.masterIndex() == bridge.index())
                .map(l -> new BridgePortState(l.name(), l.kind(), l.mac().toString(), l.up(), l.carrier(),
                        l.name().equals(uplink) ? "uplink" : "port"))
                .toList();
        return new BridgeReport(name, plan.backend().id(), bridge.mac().toString(), bridge.mtu(), bridge.up(), ports);
    }

    /** OVS ports are no kernel bridge ports: the list comes from OVSDB, link state from the kernel. */
    private List<BridgePortState> ovsPorts(HostNetwork net, String bridge, String uplink) {
        return ovs().ports().stream().map(p -> {
            Optional<Link> l = net.link(p.name());
            String role = p.name().equals(uplink) ? "uplink" : p.name().equals(bridge) ? "host" : "guest";
            String kind = "internal".equals(p.type()) ? "internal" : l.map(Link::kind).orElse(p.type());
            return new BridgePortState(p.name(), kind, l.map(Link::mac).map(Object::toString).orElse(null),
                    l.map(Link::up).orElse(false), l.map(Link::carrier).orElse(false), role);
        }).toList();
    }

    @Override
    public VlanReport vlan() {
        String bridge = context.config().bridgeName();
        if (context.network().link(bridge).isEmpty()) {
            throw RpcException.unavailable("bridge " + bridge + " does not exist");
        }
        return plan.backend().vlan(bridge, context);
    }

    @Override
    public OvsReport ovs() {
        return OvsRecords.report(ovsView("ovs", Map.of()), context.config().bridgeName());
    }

    @Override
    public List<FlowEntry> flows() {
        return OvsRecords.flows(ovsView("flows", Map.of()));
    }

    @Override
    public List<DatapathFlow> datapath(boolean verbose) {
        return OvsRecords.datapath(ovsView("datapath", Map.of("verbose", Boolean.toString(verbose))));
    }

    @Override
    public ConntrackReport conntrack(Integer zone, boolean stats) {
        Map<String, Object> entries = ovsView("conntrack", zone == null ? Map.of() : Map.of("zone", zone.toString()));
        return OvsRecords.conntrack(entries, stats ? ovsView("conntrack", Map.of("stats", "true")) : null);
    }

    @Override
    public ConntrackFlushResult flushConntrack(Integer zone) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("flush", "true");
        if (zone != null) {
            args.put("zone", zone.toString());
        }
        return OvsRecords.flushed(ovsView("conntrack", args));
    }

    /** One of the OVS backend's views; with another backend the view is unavailable, and says why. */
    private Map<String, Object> ovsView(String name, Map<String, String> args) {
        if (!OVS.equals(plan.backend().id())) {
            throw ovsOnly();
        }
        return plan.backend().view(name, args, context);
    }

    @Override
    public VerifyReport verify() {
        List<VerifyDifference> diffs = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        FirewallSpec.Policy policy = context.config().firewall().policy();
        NatSpec.Masquerade nat = context.config().nat().masquerade();
        Optional<Firewall> fw = firewallPlugin();
        if (fw.isEmpty() || (policy == FirewallSpec.Policy.ABSENT && nat == NatSpec.Masquerade.ABSENT)) {
            skipped.add("nftables (not configured)");
        } else {
            FirewallReport report = fw.get().report(context);
            expectTable(report, "inet", "mosnet", policy == FirewallSpec.Policy.DROP
                    || policy == FirewallSpec.Policy.PERMISSIVE, diffs);
            expectTable(report, "ip", "mosnet-nat", nat == NatSpec.Masquerade.DEFAULT_ROUTE
                    || nat == NatSpec.Masquerade.INTERFACE || !context.config().nat().forwards().isEmpty(), diffs);
            checked.add("nftables tables");
        }
        if (OVS.equals(plan.backend().id())) {
            String item = "mosnet's flows (by cookie) on bridge " + context.config().bridgeName();
            try {
                long owned = OvsRecords.ownedFlows(ovsView("flows", Map.of()));
                if (owned == 0) {
                    diffs.add(new VerifyDifference("ovs-flow", item, "present", "none"));
                }
                checked.add("OVS flows (" + owned + " with mosnet's cookie)");
            } catch (MosnetException e) {
                // The flow table cannot be read (vswitchd down): that is a difference, not a failed verify.
                diffs.add(new VerifyDifference("ovs-flow", item, "present", "unreadable: " + e.getMessage()));
            }
        } else {
            skipped.add("OVS flows (bridge backend " + plan.backend().id() + ")");
        }
        return new VerifyReport(diffs, checked, skipped);
    }

    private static void expectTable(FirewallReport report, String family, String name, boolean wanted,
                                    List<VerifyDifference> diffs) {
        boolean present = report.tables().stream().anyMatch(t -> t.family().equals(family) && t.name().equals(name));
        if (wanted != present) {
            diffs.add(new VerifyDifference("nftables", "table " + family + " " + name, wanted ? "present" : "absent",
                    present ? "present" : "absent"));
        }
    }

    private Optional<Firewall> firewallPlugin() {
        return Optional.ofNullable(plan.firewall()).or(() -> plan.registry()
                .all(io.mosnet.api.plugin.PluginKind.FIREWALL, Firewall.class).stream().findFirst());
    }

    private RpcException ovsOnly() {
        return RpcException.unavailable("the bridge backend is " + plan.backend().id()
                + "; this view needs the Open vSwitch backend (mosbridge=ovs)");
    }
}
