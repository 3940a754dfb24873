package io.mosnet.cli.command;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.state.BridgePortState;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.ConfigReport;
import io.mosnet.api.state.ConntrackEntry;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.api.state.DelegatedPrefix;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.HealthReport;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.OvsPortState;
import io.mosnet.api.state.OvsReport;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.PrefixReport;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.VerifyDifference;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.api.state.VlanMembership;
import io.mosnet.api.state.VlanReport;
import io.mosnet.runtime.rpc.Caller;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.DaemonView;
import io.mosnet.runtime.rpc.PeerCredentials;
import io.mosnet.runtime.rpc.RpcException;
import io.mosnet.runtime.rpc.RpcServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A daemon on a real socket with fixed answers; the OVS views work, as with the OVS backend. */
final class FakeDaemon implements DaemonView, AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    volatile List<String> problems = List.of();
    volatile List<VerifyDifference> backendDifferences = List.of();
    volatile boolean ovsAvailable = true;
    volatile String backend = "linux";
    /** What {@code status} answers instead of the fixed state, when set. */
    volatile DaemonState state;
    final RpcServer server;

    FakeDaemon(Path socket, Caller caller) {
        server = RpcServer.builder(socket, DaemonMethods.registry(this, "0.1.0-test"))
                .peerCredentials(PeerCredentials.fixed(caller)).start();
    }

    @Override
    public DaemonState state() {
        if (state != null) {
            return state;
        }
        LeaseState lease = new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", "10.0.0.1", "10.0.0.1",
                List.of("10.0.0.1"), List.of("lab"), List.of(), 1500, T0, T0.plusSeconds(1800), T0.plusSeconds(3150),
                T0.plusSeconds(3600), "01aabbccddeeff");
        return new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos", backend,
                List.of("10.0.0.5/24"), List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false)),
                List.of("10.0.0.1"), List.of("lab"), Map.of("dhcpv4", lease), List.of("2001:db8:100::/56"), null, null,
                List.of(new PluginInfo("linux", "bridge", "0.1.0", "builtin (module io.mosnet.linuxbridge)")),
                problems, null, T0, T0.plusSeconds(5));
    }

    @Override
    public ConfigReport config() {
        return new ConfigReport("quiet mosdhcp_timeout=5", Map.of("mosdhcp_timeout", "5"), null,
                MosnetConfig.defaults());
    }

    @Override
    public PrefixReport prefix() {
        return new PrefixReport(List.of(new DelegatedPrefix("2001:db8:100::/56", "2001:db8:100::/64", "000100",
                T0.plusSeconds(1800), T0.plusSeconds(3600))));
    }

    @Override
    public HealthReport health() {
        return HealthReport.of(problems, "running", T0);
    }

    @Override
    public FirewallReport firewall() {
        return new FirewallReport(List.of(new FirewallReport.Table("inet", "mosnet", List.of(
                new FirewallReport.Chain("input", "filter", "input", 0, "drop", List.of(
                        new FirewallReport.Rule(4, "tcp dport 22 accept", 12, 720)))))));
    }

    @Override
    public BridgeReport bridge() {
        return new BridgeReport("mos", backend, "02:00:00:00:00:01", 1500, true, List.of(
                new BridgePortState("eth0", "", "02:00:00:00:00:02", true, true, "uplink")));
    }

    @Override
    public VlanReport vlan() {
        return new VlanReport(false, List.of(new VlanMembership("eth0", 1, true, true)));
    }

    @Override
    public OvsReport ovs() {
        requireOvs("ovs");
        return new OvsReport("mos", "3.1.0", "netdev", "secure", List.of("unix:/run/mosnet/of.sock"),
                List.of(new OvsPortState("eth0", 1, "system", null, List.of())));
    }

    @Override
    public List<FlowEntry> flows() {
        requireOvs("flows");
        return List.of(new FlowEntry(0, 100, "arp", "NORMAL", 3, 180, "0x0"));
    }

    @Override
    public List<DatapathFlow> datapath(boolean verbose) {
        requireOvs("datapath");
        return List.of(new DatapathFlow(verbose ? "in_port(1),eth_type(0x0806)/0xffff" : "in_port(1),eth_type(0x0806)",
                "2", 1, 60, "0.5s"));
    }

    @Override
    public ConntrackReport conntrack(Integer zone, boolean stats) {
        requireOvs("conntrack");
        return new ConntrackReport(List.of(new ConntrackEntry("tcp", zone == null ? 0 : zone,
                "src=10.0.0.2,dst=10.0.0.5,sport=40000,dport=22", "src=10.0.0.5,dst=10.0.0.2,sport=22,dport=40000",
                "ESTABLISHED")), stats ? Map.of("total", 1L, "tcp", 1L) : Map.of());
    }

    @Override
    public ConntrackFlushResult flushConntrack(Integer zone) {
        requireOvs("conntrack.flush");
        return new ConntrackFlushResult(zone, -1);
    }

    @Override
    public VerifyReport verify() {
        return new VerifyReport(backendDifferences, List.of("nft-table"), List.of());
    }

    private void requireOvs(String what) {
        if (!ovsAvailable) {
            throw RpcException.unavailable(what + ": the bridge backend is linux");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
