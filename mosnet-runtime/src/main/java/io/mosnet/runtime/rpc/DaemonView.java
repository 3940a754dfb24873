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
import java.util.Comparator;
import java.util.List;

/**
 * What the API serves, implemented by the daemon. {@link DaemonMethods} turns each method into an RPC method of the
 * same name (in parentheses below). Methods are called on API connection threads (virtual threads), concurrently:
 * implementations return snapshots and must be thread-safe.
 *
 * <p>A method whose feature the running configuration lacks (OVS views with the Linux bridge backend, prefix
 * delegation off, no firewall plugin) throws {@link RpcException#unavailable(String)} with a sentence saying why; any
 * other exception becomes an internal error carrying its message.
 */
public interface DaemonView {

    /** The current state, as written to the state file ({@code status}). */
    DaemonState state();

    /** The configuration in force ({@code config}). */
    ConfigReport config();

    /** DHCP leases, DHCPv4 first ({@code lease}); by default from {@link #state()}. */
    default List<LeaseState> leases() {
        return state().leases().values().stream().sorted(Comparator.comparing(LeaseState::protocol)).toList();
    }

    /** Delegated IPv6 prefixes ({@code prefix}). */
    PrefixReport prefix();

    /** healthy or degraded with reasons ({@code health}). */
    HealthReport health();

    /** Loaded plugins ({@code plugins}); by default from {@link #state()}. */
    default List<PluginInfo> plugins() {
        return state().plugins();
    }

    /** mosnet's nftables tables as the kernel has them ({@code firewall}). */
    FirewallReport firewall();

    /** The bridge and its ports as the backend sees them ({@code bridge}). */
    BridgeReport bridge();

    /** VLAN filtering on the bridge ({@code vlan}). */
    VlanReport vlan();

    /** The OVS bridge ({@code ovs}). */
    OvsReport ovs();

    /** The OpenFlow table of the bridge ({@code flows}). */
    List<FlowEntry> flows();

    /** Datapath flows; with masks when {@code verbose} ({@code datapath}). */
    List<DatapathFlow> datapath(boolean verbose);

    /** Conntrack entries of {@code zone} (null: all zones), with counters when {@code stats} ({@code conntrack}). */
    ConntrackReport conntrack(Integer zone, boolean stats);

    /** Flushes conntrack entries of {@code zone} (null: all) ({@code conntrack.flush}, root only). */
    ConntrackFlushResult flushConntrack(Integer zone);

    /**
     * The daemon's own cross-check of what its backends should have against what they have: nft tables and chains,
     * OVS flows, and anything else only the daemon knows how to expect ({@code verify}). Addresses, routes and bridge
     * ports are compared by the CLI itself against the live kernel.
     */
    VerifyReport verify();
}
