package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.state.ConntrackEntry;
import io.mosnet.api.state.ConntrackReport;
import io.mosnet.api.state.DatapathFlow;
import io.mosnet.api.state.FlowEntry;
import io.mosnet.api.state.OvsPortState;
import io.mosnet.api.state.OvsReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maps shaped like plugin-ovs's views (OvsBridgeBackend.view), as seen from a live bridge in the lab. */
class OvsRecordsTest {

    static final String COOKIE = "0x6d6f736e65740001";

    static Map<String, Object> ovsView() {
        Map<String, Object> iface = new HashMap<>(Map.of("name", "mos", "type", "internal", "ofport", 65534L));
        Map<String, Object> uplink = new HashMap<>(Map.of("name", "eth0", "type", "system", "ofport", 1L));
        Map<String, Object> bridge = Map.of("name", "mos", "uuid", "3f1c", "fail_mode", "secure",
                "datapath_type", "netdev", "other_config", Map.of("hwaddr", "02:00:00:00:00:01"),
                "ports", List.of(Map.of("name", "eth0", "interfaces", List.of(uplink)),
                        Map.of("name", "mos", "interfaces", List.of(iface))));
        return Map.of("ovsdb", "unix:/tmp/db.sock", "rundir", "/tmp/ovs", "ovs_version", "3.1.0", "bridge", bridge,
                "controller", Map.of("socket", "/tmp/ovs/mos.mgmt", "connected", true, "mode", "static"));
    }

    static Map<String, Object> flowsView() {
        return Map.of("bridge", "mos", "mosnet_cookie", COOKIE, "flows", List.of(
                Map.of("cookie", COOKIE, "table", 0, "priority", 300, "duration", "1.500s", "packets", 3L,
                        "bytes", 126L, "match", "in_port=1,arp,arp_op=1,arp_tpa=10.77.0.10",
                        "actions", "CONTROLLER:65535"),
                Map.of("cookie", "0x0", "table", 0, "priority", 0, "duration", "9.000s", "packets", 0L,
                        "bytes", 0L, "match", "", "actions", "drop")));
    }

    @Test
    void ovsReportNamesBridgePortsAndMosnetsController() {
        OvsReport r = OvsRecords.report(ovsView(), "mos");
        assertEquals("mos", r.bridge());
        assertEquals("3.1.0", r.version());
        assertEquals("netdev", r.datapathType());
        assertEquals("secure", r.failMode());
        assertEquals(List.of("unix:/tmp/ovs/mos.mgmt (mosnet, connected)"), r.controllers());
        assertEquals(List.of(new OvsPortState("eth0", 1, "system", null, List.of()),
                new OvsPortState("mos", 65534, "internal", null, List.of())), r.ports());
    }

    @Test
    void ovsReportWithoutBridgeSaysWhatOvsdbAnswered() {
        var e = assertThrows(MosnetException.class, () -> OvsRecords.report(
                Map.of("ovsdb", "unix:/x", "ovsdb_error", "connecting to /x: No such file or directory"), "mos"));
        assertTrue(e.getMessage().contains("cannot read OVSDB: connecting to /x"), e.getMessage());
    }

    @Test
    void flowsKeepCountersAndCookies() {
        List<FlowEntry> flows = OvsRecords.flows(flowsView());
        assertEquals(new FlowEntry(0, 300, "in_port=1,arp,arp_op=1,arp_tpa=10.77.0.10", "CONTROLLER:65535", 3, 126,
                COOKIE), flows.get(0));
        assertEquals(1, OvsRecords.ownedFlows(flowsView()));
    }

    @Test
    void datapathFlowsSplitOrKeptWhole() {
        Map<String, Object> view = Map.of("verbose", false, "flows", List.of(
                Map.of("match", "recirc_id(0),in_port(2),eth_type(0x0806)", "packets", 2L, "bytes", 84L,
                        "used", "0.512s", "actions", "userspace(pid=0)", "line", "..."),
                Map.of("line", "odd line")));
        List<DatapathFlow> flows = OvsRecords.datapath(view);
        assertEquals(new DatapathFlow("recirc_id(0),in_port(2),eth_type(0x0806)", "userspace(pid=0)", 2, 84, "0.512s"),
                flows.get(0));
        assertEquals(new DatapathFlow("odd line", null, -1, -1, null), flows.get(1));
    }

    @Test
    void conntrackLinesBecomeEntriesWithZoneAndState() {
        ConntrackEntry tcp = OvsRecords.entry("tcp,orig=(src=10.77.0.50,dst=10.77.0.1,sport=40000,dport=22),"
                + "reply=(src=10.77.0.1,dst=10.77.0.50,sport=22,dport=40000),zone=5,protoinfo=(state=ESTABLISHED)");
        assertEquals(new ConntrackEntry("tcp", 5, "src=10.77.0.50,dst=10.77.0.1,sport=40000,dport=22",
                "src=10.77.0.1,dst=10.77.0.50,sport=22,dport=40000", "ESTABLISHED"), tcp);
        ConntrackEntry icmp = OvsRecords.entry("icmp,orig=(src=10.0.0.2,dst=10.0.0.1,id=7,type=8,code=0),"
                + "reply=(src=10.0.0.1,dst=10.0.0.2,id=7,type=0,code=0)");
        assertEquals(0, icmp.zone());
        assertEquals(null, icmp.state());
        assertEquals("icmp", icmp.protocol());
        assertEquals(new ConntrackEntry(null, 0, "garbage(", null, null), OvsRecords.entry("garbage("));
    }

    @Test
    void conntrackStatsBecomeCounters() {
        ConntrackReport r = OvsRecords.conntrack(Map.of("entries", List.of()),
                Map.of("total", 3L, "protocols", Map.of("TCP", 2L, "UDP", 1L), "text", "..."));
        assertEquals(Map.of("total", 3L, "tcp", 2L, "udp", 1L), r.stats());
        assertEquals(List.of(), r.entries());
        assertEquals(Map.of(), OvsRecords.conntrack(Map.of("entries", List.of()), null).stats());
    }

    @Test
    void flushNamesTheZone() {
        assertEquals(7, OvsRecords.flushed(Map.of("flushed", true, "zone", 7)).zone());
        assertEquals(null, OvsRecords.flushed(Map.of("flushed", true)).zone());
    }
}
