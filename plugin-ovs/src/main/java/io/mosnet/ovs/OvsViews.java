package io.mosnet.ovs;

import io.mosnet.ovs.controller.FlowPlan;
import io.mosnet.ovs.openflow.FlowTable;
import io.mosnet.ovs.ovsdb.OvsdbClient;
import io.mosnet.ovs.ovsdb.OvsdbState;
import io.mosnet.ovs.unixctl.DatapathView;
import io.mosnet.ovs.unixctl.UnixctlClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only (and conntrack flush) queries behind the CLI's OVS commands, each returning JSON-friendly data:
 * {@code mosnet ovs} ({@link #ovsdb}), {@code mosnet flows} ({@link #flows}), {@code mosnet datapath}
 * ({@link #datapathFlows}) and {@code mosnet conntrack} ({@link #conntrack}, {@link #conntrackStats},
 * {@link #flushConntrack}).
 */
public final class OvsViews {

    private final OvsSettings settings;
    private final String bridge;

    public OvsViews(OvsSettings settings, String bridge) {
        this.settings = settings;
        this.bridge = bridge;
    }

    /** Bridges, ports and interfaces as ovsdb-server holds them. */
    public Map<String, Object> ovsdb() {
        try (OvsdbClient client = OvsdbClient.connect(settings.ovsdb(), settings.timeout())) {
            return OvsdbState.read(client).toMap();
        }
    }

    /** The OpenFlow flow table of the bridge, every table, with counters. */
    public Map<String, Object> flows() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bridge", bridge);
        // So that the runtime's verify can tell mosnet's flows apart without knowing the plugin's classes.
        m.put("mosnet_cookie", String.format("0x%x", FlowPlan.COOKIE));
        m.put("flows", FlowTable.dump(settings.managementSocket(bridge), settings.timeout()));
        return m;
    }

    public Map<String, Object> datapathFlows(boolean verbose) {
        return datapath().flows(verbose);
    }

    public Map<String, Object> conntrack(Integer zone) {
        return datapath().conntrack(zone);
    }

    public Map<String, Object> conntrackStats() {
        return datapath().conntrackStats();
    }

    public Map<String, Object> flushConntrack(Integer zone) {
        return datapath().flushConntrack(zone);
    }

    private DatapathView datapath() {
        var socket = settings.unixctl() != null ? settings.unixctl() : UnixctlClient.vswitchdSocket(settings.rundir());
        return new DatapathView(new UnixctlClient(socket, settings.timeout()));
    }

    /** The view names {@link OvsBridgeBackend#view} accepts. */
    static final List<String> NAMES = List.of("ovs", "flows", "datapath", "conntrack");
}
