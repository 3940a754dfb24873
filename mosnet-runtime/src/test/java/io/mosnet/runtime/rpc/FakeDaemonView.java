package io.mosnet.runtime.rpc;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.ConfigReport;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.HealthReport;
import io.mosnet.api.state.OvsReport;
import io.mosnet.api.state.PrefixReport;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.api.state.VlanReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A daemon with a fixed state and the Linux bridge backend (so OVS views are unavailable). */
class FakeDaemonView implements DaemonView {

    final AtomicInteger flushes = new AtomicInteger();

    @Override
    public DaemonState state() {
        return new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos", "linux",
                List.of("10.0.0.5/24"), List.of(), List.of("10.0.0.1"), List.of(), Map.of(), List.of(), null, null,
                List.of(), List.of(), null, Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:00:05Z"));
    }

    @Override
    public ConfigReport config() {
        return new ConfigReport("quiet mosdhcp_timeout=5", Map.of("mosdhcp_timeout", "5"), null,
                MosnetConfig.defaults());
    }

    @Override
    public PrefixReport prefix() {
        return new PrefixReport(List.of());
    }

    @Override
    public HealthReport health() {
        return HealthReport.of(List.of(), "running", Instant.parse("2026-03-01T10:00:06Z"));
    }

    @Override
    public FirewallReport firewall() {
        return new FirewallReport(List.of());
    }

    @Override
    public BridgeReport bridge() {
        return new BridgeReport("mos", "linux", "02:00:00:00:00:01", 1500, true, List.of());
    }

    @Override
    public VlanReport vlan() {
        return new VlanReport(false, List.of());
    }

    @Override
    public OvsReport ovs() {
        throw RpcException.unavailable("ovs: the bridge backend is linux");
    }

    @Override
    public List<FlowEntry> flows() {
        throw RpcException.unavailable("flows: the bridge backend is linux");
    }

    @Override
    public List<DatapathFlow> datapath(boolean verbose) {
        throw RpcException.unavailable("datapath: the bridge backend is linux");
    }

    @Override
    public ConntrackReport conntrack(Integer zone, boolean stats) {
        return new ConntrackReport(List.of(), stats ? Map.of("total", 0L) : Map.of());
    }

    @Override
    public ConntrackFlushResult flushConntrack(Integer zone) {
        flushes.incrementAndGet();
        return new ConntrackFlushResult(zone, -1);
    }

    @Override
    public VerifyReport verify() {
        return new VerifyReport(List.of(), List.of("nft-table"), List.of());
    }
}
