package io.mosnet.ovs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Route;
import io.mosnet.ovs.controller.FlowPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end with userspace Open vSwitch started by the test (shared LAB.md recipe): ovsdb-server and
 * ovs-vswitchd run inside namespace "host" with their own run directory; "up" is the upstream router on the other
 * end of the uplink veth; "vm" is a VM behind an OVS port. The tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OvsBridgeNamespaceTest {

    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private static final String HOST = "mt-" + RUN + "h";
    private static final String UP = "mt-" + RUN + "u";
    private static final String VM = "mt-" + RUN + "v";
    private static final MacAddress VM_MAC = MacAddress.parse("52:54:00:00:00:50");

    private static Path dir;
    private static String db;
    private static NamespaceHostNetwork net;
    private static TestContext context;
    private static OvsBridgeBackend backend;
    private static Link uplink;

    @BeforeAll
    static void startOpenVswitch() throws Exception {
        Lab.require("ip", "ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-ofctl", "arping", "ping",
                "ndisc6", "sysctl", "tcpdump");
        dir = Files.createTempDirectory("mosnet-ovs-");
        db = "unix:" + dir.resolve("db.sock");
        for (String ns : List.of(HOST, UP, VM)) {
            Lab.ok("ip", "netns", "add", ns);
            Lab.ok("ip", "-n", ns, "link", "set", "lo", "up");
        }
        Lab.ok("ip", "-n", HOST, "link", "add", "eth0", "type", "veth", "peer", "name", "up0", "netns", UP);
        Lab.ok("ip", "-n", UP, "addr", "add", "192.0.2.1/24", "dev", "up0");
        Lab.ok("ip", "-n", UP, "addr", "add", "2001:db8::1/64", "dev", "up0", "nodad");
        Lab.ok("ip", "-n", UP, "link", "set", "up0", "up");
        Lab.ok("ovsdb-tool", "create", dir.resolve("conf.db").toString(), "/usr/share/openvswitch/vswitch.ovsschema");
        Lab.ok(Lab.inNs(HOST, "ovsdb-server", dir.resolve("conf.db").toString(), "--remote=punix:" + dir.resolve("db.sock"),
                "--pidfile=" + dir.resolve("ovsdb-server.pid"), "--detach", "--log-file=" + dir.resolve("ovsdb-server.log"),
                "--unixctl=" + dir.resolve("ovsdb-server.ctl")));
        Lab.ok("ovs-vsctl", "--db=" + db, "--no-wait", "init");
        // Started in the namespace so its internal port mos appears there; default unixctl socket in the rundir.
        Lab.ok(Lab.inNs(HOST, "env", "OVS_RUNDIR=" + dir, "ovs-vswitchd", db, "--pidfile=" + dir.resolve("ovs-vswitchd.pid"),
                "--detach", "--log-file=" + dir.resolve("ovs-vswitchd.log")));
        net = new NamespaceHostNetwork(HOST);
        context = TestContext.of(Map.of("ovsdb", db, "rundir", dir.toString(), "timeout_ms", "10000"), net);
        uplink = net.requireLink("eth0");
        backend = new OvsBridgeBackend();
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (backend != null) {
                backend.close();
            }
            if (dir != null) {
                Lab.stopByPidfile(dir.resolve("ovs-vswitchd.pid"));
                Lab.stopByPidfile(dir.resolve("ovsdb-server.pid"));
            }
        } finally {
            for (String ns : List.of(HOST, UP, VM)) {
                Lab.run("ip", "netns", "del", ns);
            }
        }
    }

    private static String vsctl(String... args) {
        String[] c = new String[args.length + 1];
        c[0] = "--db=" + db;
        System.arraycopy(args, 0, c, 1, args.length);
        String[] full = new String[c.length + 1];
        full[0] = "ovs-vsctl";
        System.arraycopy(c, 0, full, 1, c.length);
        return Lab.ok(full).strip();
    }

    private static String dumpFlows() {
        return Lab.ok("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", "unix:" + dir.resolve("mos.mgmt"));
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    private static void configureHost(BridgeAttachment a) {
        int mos = net.requireLink("mos").index();
        backend.configureHost(new HostSetup(a, uplink, Mode.STATIC,
                List.of(IpNetwork.parse("192.0.2.2/24"), IpNetwork.parse("2001:db8::2/64")),
                List.of(Route.defaultVia(IpAddresses.parse("192.0.2.1"), mos, false))), context);
    }

    @Test
    @Order(1)
    void preflightReachesOvsdb() {
        backend.preflight(context);
    }

    @Test
    @Order(2)
    void attachCreatesSecureBridgeWithUplinkAndInternalPort() {
        BridgeAttachment a = backend.attach(new BridgeRequest("mos", uplink, Mode.STATIC), context);
        assertEquals(new BridgeAttachment("mos", "mos", uplink.mac(), false), a);
        assertEquals("secure", vsctl("get", "bridge", "mos", "fail_mode"));
        assertEquals("netdev", vsctl("get", "bridge", "mos", "datapath_type"));
        assertEquals("eth0", vsctl("list-ports", "mos"));
        assertEquals("internal", vsctl("get", "interface", "mos", "type"));
        // The host interface keeps the NIC's MAC, so upstream only ever sees that one.
        assertEquals(uplink.mac(), net.requireLink("mos").mac());
    }

    @Test
    @Order(3)
    void configureHostPutsAddressesOnMosAndInstallsCookieFlows() {
        BridgeAttachment a = new BridgeAttachment("mos", "mos", uplink.mac(), false);
        configureHost(a);
        String addr = Lab.ok("ip", "-n", HOST, "addr", "show", "dev", "mos");
        assertTrue(addr.contains("192.0.2.2/24") && addr.contains("2001:db8::2/64"), addr);
        assertEquals("1", net.sysctl("net.ipv6.conf.eth0.disable_ipv6").orElseThrow());
        assertEquals("2", net.sysctl("net.ipv6.conf.mos.accept_ra").orElseThrow());
        assertEquals("1", net.sysctl("net.ipv4.ip_forward").orElseThrow());
        String flows = dumpFlows();
        String cookie = String.format("cookie=0x%x", FlowPlan.COOKIE);
        assertTrue(flows.lines().skip(1).allMatch(l -> l.contains(cookie)), flows);
        assertEquals(1, count(flows, "arp_tpa=192.0.2.2"), flows);
        assertEquals(1, count(flows, "nd_target=2001:db8::2"), flows);
        assertEquals(1, count(flows, "priority=100,in_port=LOCAL"), flows);
    }

    @Test
    @Order(4)
    void arpRequestFromUpstreamIsAnsweredWithNicMac() {
        String out = Lab.ok(Lab.inNs(UP, "arping", "-c", "1", "-w", "5", "-I", "up0", "192.0.2.2"));
        assertTrue(out.toLowerCase(Locale.ROOT).contains("[" + uplink.mac() + "]"), out);
    }

    @Test
    @Order(5)
    void neighbourSolicitationFromUpstreamIsAnsweredWithNicMac() {
        String out = Lab.ok(Lab.inNs(UP, "ndisc6", "-1", "-r", "3", "-w", "1000", "2001:db8::2", "up0"));
        assertTrue(out.toLowerCase(Locale.ROOT).contains(uplink.mac().toString()), out);
    }

    @Test
    @Order(6)
    void upstreamReachesHostThroughTheBridge() {
        Lab.ok(Lab.inNs(UP, "ping", "-c", "2", "-W", "2", "192.0.2.2"));
    }

    @Test
    @Order(7)
    void vmReachesUpstreamBehindTheNicMac() throws Exception {
        Lab.ok("ip", "-n", HOST, "link", "add", "vm0", "type", "veth", "peer", "name", "eth0", "netns", VM);
        Lab.ok("ip", "-n", HOST, "link", "set", "vm0", "up");
        Lab.ok("ip", "-n", VM, "link", "set", "eth0", "address", VM_MAC.toString());
        Lab.ok("ip", "-n", VM, "addr", "add", "192.0.2.50/24", "dev", "eth0");
        Lab.ok("ip", "-n", VM, "addr", "add", "2001:db8::50/64", "dev", "eth0", "nodad");
        Lab.ok("ip", "-n", VM, "link", "set", "eth0", "up");
        vsctl("add-port", "mos", "vm0");
        Path captured = dir.resolve("upstream.txt");
        Process capture = new ProcessBuilder(Lab.inNs(UP, "tcpdump", "-l", "-n", "-e", "-i", "up0", "-c", "16",
                "ether src " + VM_MAC + " or host 192.0.2.50 or host 2001:db8::50")).redirectErrorStream(true)
                .redirectOutput(captured.toFile()).start();
        try {
            Thread.sleep(1000);
            Lab.ok(Lab.inNs(VM, "ping", "-c", "3", "-W", "2", "192.0.2.1"));
            Lab.ok(Lab.inNs(VM, "ping", "-6", "-c", "3", "-W", "2", "2001:db8::1"));
        } finally {
            capture.destroy();
            capture.waitFor();
        }
        String seen = Files.readString(captured);
        assertTrue(seen.contains("192.0.2.50") && seen.contains("2001:db8::50"), "capture saw no VM traffic:\n" + seen);
        assertFalse(seen.toLowerCase(Locale.ROOT).contains(VM_MAC.toString()), "VM MAC leaked upstream:\n" + seen);
        String neigh = Lab.ok("ip", "-n", UP, "neigh", "show", "192.0.2.50");
        assertTrue(neigh.contains(uplink.mac().toString()), neigh);
        String neigh6 = Lab.ok("ip", "-n", UP, "-6", "neigh", "show", "2001:db8::50");
        assertTrue(neigh6.contains(uplink.mac().toString()), neigh6);
        String flows = dumpFlows();
        assertTrue(flows.contains("nw_dst=192.0.2.50") && flows.contains("ipv6_dst=2001:db8::50")
                && flows.contains("set_field:" + VM_MAC + "->eth_dst"), flows);
    }

    @Test
    @Order(8)
    void restartedBackendAdoptsBridgeWithoutDuplicates() {
        String portsBefore = vsctl("--columns=name", "--bare", "list", "port");
        backend.close();
        backend = new OvsBridgeBackend();
        BridgeAttachment a = backend.attach(new BridgeRequest("mos", uplink, Mode.STATIC), context);
        assertTrue(a.adopted());
        configureHost(a);
        assertEquals(portsBefore, vsctl("--columns=name", "--bare", "list", "port"));
        assertEquals("1", vsctl("--bare", "--columns=_uuid", "find", "bridge", "name=mos").lines().count() + "");
        String flows = dumpFlows();
        assertEquals(1, count(flows, "arp_tpa=192.0.2.2"), flows);
        assertEquals(1, count(flows, "priority=10 "), flows);
        Lab.ok(Lab.inNs(UP, "ping", "-c", "1", "-W", "2", "192.0.2.2"));
    }

    @Test
    @Order(9)
    void viewsReportOvsdbFlowsAndDatapath() {
        OvsViews views = new OvsViews(OvsSettings.from(context.config()), "mos");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bridges = (List<Map<String, Object>>) views.ovsdb().get("bridges");
        assertEquals("mos", bridges.get(0).get("name"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> flows = (List<Map<String, Object>>) views.flows().get("flows");
        assertEquals(String.format("0x%x", FlowPlan.COOKIE), views.flows().get("mosnet_cookie"));
        assertTrue(flows.stream().anyMatch(f -> "in_port=1,arp,arp_op=1,arp_tpa=192.0.2.2".equals(f.get("match"))),
                flows.toString());
        Lab.ok(Lab.inNs(UP, "ping", "-c", "1", "-W", "2", "192.0.2.2"));
        Map<String, Object> dp = views.datapathFlows(true);
        assertTrue(dp.get("flows") instanceof List<?>, dp.toString());
        Map<String, Object> stats = views.conntrackStats();
        assertTrue(stats.containsKey("total"), stats.toString());
        assertEquals(Boolean.TRUE, views.flushConntrack(null).get("flushed"));
        Map<String, Object> inspect = backend.inspect(context);
        assertTrue(inspect.containsKey("bridge") && inspect.containsKey("controller"), inspect.toString());
    }

    @Test
    @Order(10)
    void dhcpModeMakesTheBridgeANormalSwitch() {
        BridgeAttachment a = backend.attach(new BridgeRequest("mos", uplink, Mode.DHCP), context);
        assertTrue(a.adopted());
        String flows = dumpFlows();
        assertEquals(1, flows.lines().skip(1).count(), flows);
        assertTrue(flows.contains("actions=NORMAL"), flows);
        Lab.ok(Lab.inNs(UP, "ping", "-c", "1", "-W", "2", "192.0.2.2"));
    }

    @Test
    @Order(11)
    void flowsComeBackAfterVswitchdRestart() throws Exception {
        Lab.stopByPidfile(dir.resolve("ovs-vswitchd.pid"));
        Lab.ok(Lab.inNs(HOST, "env", "OVS_RUNDIR=" + dir, "ovs-vswitchd", db, "--pidfile=" + dir.resolve("ovs-vswitchd.pid"),
                "--detach", "--log-file=" + dir.resolve("ovs-vswitchd.log")));
        String flows = "";
        // The controller retries with a backoff capped at 5 s.
        for (int i = 0; i < 40 && !flows.contains("actions=NORMAL"); i++) {
            Thread.sleep(250);
            Lab.Result r = Lab.run("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", "unix:" + dir.resolve("mos.mgmt"));
            flows = r.exit() == 0 ? r.output() : "";
        }
        assertTrue(flows.contains(String.format("cookie=0x%x", FlowPlan.COOKIE)) && flows.contains("actions=NORMAL"),
                flows);
        Map<?, ?> controller = (Map<?, ?>) backend.inspect(context).get("controller");
        assertTrue((Long) controller.get("connects") >= 2, controller.toString());
    }

    @Test
    @Order(12)
    void vlanTopologyMakesTheHostPortAnAccessPortWithItsMtu() {
        BridgeAttachment a = backend.attach(new BridgeRequest("mos", uplink, Mode.STATIC, 4000, 1400), context);
        assertFalse(a.adopted(), "tag and MTU were changed");
        assertEquals("4000", vsctl("get", "port", "mos", "tag"));
        assertEquals("[]", vsctl("get", "port", "eth0", "trunks"), "the uplink stays a trunk of every VLAN");
        assertEquals("1400", vsctl("get", "interface", "mos", "mtu_request"));
        assertEquals(1400, net.requireLink("mos").mtu());
        String flows = dumpFlows();
        assertEquals(1, flows.lines().skip(1).count(), flows);
        assertTrue(flows.contains("actions=NORMAL"), "only NORMAL honours port VLANs:\n" + flows);
        var report = backend.vlan("mos", context);
        assertTrue(report.filtering());
        assertEquals(List.of(new io.mosnet.api.state.VlanMembership("eth0", 4000, false, false),
                new io.mosnet.api.state.VlanMembership("mos", 4000, true, true),
                // The VM's port has neither tag nor trunks: a trunk of every VLAN, 4000 among them.
                new io.mosnet.api.state.VlanMembership("vm0", 4000, false, false)), report.memberships());
        assertTrue(backend.attach(new BridgeRequest("mos", uplink, Mode.STATIC, 4000, 1400), context).adopted(),
                "a second run changes nothing");
    }

    @Test
    @Order(13)
    void anUntaggedRequestClearsTheTag() {
        backend.attach(new BridgeRequest("mos", uplink, Mode.DHCP), context);
        assertEquals("[]", vsctl("get", "port", "mos", "tag"));
        assertFalse(backend.vlan("mos", context).filtering());
        Lab.ok(Lab.inNs(UP, "ping", "-c", "1", "-W", "2", "192.0.2.2"));
    }
}
