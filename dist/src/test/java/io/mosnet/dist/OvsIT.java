package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.lab.Lab;
import io.mosnet.lab.LabProcess;
import io.mosnet.lab.Namespace;
import io.mosnet.lab.OpenVswitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Static mode on Open vSwitch end to end: the distribution's mosnetd with the drop-in OVS plugin, against userspace
 * OVS that the lab runs in the host namespace. Upstream sees only the NIC's MAC, for the host (ARP/NDP proxy) and for
 * a VM behind an OVS port (MAC NAT); the CLI's OVS views carry live values; SIGKILL and restart keep bridge and flows
 * (none re-created), and SIGTERM leaves them too.
 */
class OvsIT {

    /** plugin-ovs's FlowPlan.COOKIE: "mosnet" then 0x0001. */
    private static final String COOKIE = "0x6d6f736e65740001";
    private static final Pattern DURATION = Pattern.compile("duration=([0-9.]+)s");
    private static final String VM_MAC = "52:54:00:00:00:50";
    private static final String CMDLINE = "mosip4=10.77.0.10,10.77.0.1,255.255.255.0 mosip6=fd77::10/64,fd77::1 "
            + "mosbridge=ovs";

    @Test
    void dhcpModeOnOpenVswitchGetsItsLeaseThroughTheBridge() throws Exception {
        try (Lab.Standard s = Lab.standard("ovsd", 1, 1)) {
            Lab lab = s.lab();
            lab.dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.150,255.255.255.0,2m",
                    "--dhcp-option=option:router," + Lab.GATEWAY4, "--dhcp-option=option:dns-server," + Lab.GATEWAY4,
                    "--dhcp-option=option:mtu,1400");
            OpenVswitch ovs = lab.openVswitch(s.host());
            Path plugins = RunningDaemon.pluginsDir(lab, s.host());
            Files.copy(Distribution.ovsPlugin(), plugins.resolve(Distribution.ovsPlugin().getFileName()));
            Path toml = Files.writeString(lab.dir().resolve("mosnet.toml"), """
                    [plugins.ovs]
                    rundir = "%s"
                    datapath_type = "netdev"
                    """.formatted(ovs.rundir()));
            try (RunningDaemon d = RunningDaemon.start(lab, s.host(), "mosbridge=ovs mosdhcp_timeout=10 mosdhcp6=no",
                    "--ovsdb", ovs.db(), "--config", toml.toString())) {
                JsonNode st = d.stateJson();
                assertEquals("ovs", st.path("backend").asText());
                String address = st.path("leases").path("dhcpv4").path("address").asText();
                assertTrue(address.startsWith("10.77.0.1"), st.toString());
                assertTrue(s.host().ip("addr", "show", "mos").contains(address), "the lease is on the internal port");
                assertTrue(ovs.vsctl("list-ports", "mos").contains("eth0"), "the NIC is an OVS port");
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", Lab.GATEWAY4).ok(), "traffic through OVS");
                assertTrue(s.host().ip("link", "show", "mos").contains("mtu 1400"), "the lease's MTU (option 26)");
                // A VM's port comes: the internal port keeps what OVSDB asks (mtu_request; without it,
                // ovs-vswitchd.conf.db(5) says, an internal port follows the smallest of the bridge's interfaces).
                s.host().ip("link", "add", "vm0", "type", "veth", "peer", "name", "vm0p");
                s.host().ip("link", "set", "vm0", "up");
                ovs.vsctl("add-port", "mos", "vm0");
                Thread.sleep(500);
                assertTrue(s.host().ip("link", "show", "mos").contains("mtu 1400"), s.host().ip("link", "show", "mos"));
            }
        }
    }

    @Test
    void staticModeOnOpenVswitch() throws Exception {
        try (Lab.Standard s = Lab.standard("ovs", 1, 1)) {
            Lab lab = s.lab();
            OpenVswitch ovs = lab.openVswitch(s.host());
            Path plugins = RunningDaemon.pluginsDir(lab, s.host());
            Files.copy(Distribution.ovsPlugin(), plugins.resolve(Distribution.ovsPlugin().getFileName()));
            Path toml = Files.writeString(lab.dir().resolve("mosnet.toml"), """
                    [plugins.ovs]
                    rundir = "%s"
                    datapath_type = "netdev"
                    """.formatted(ovs.rundir()));
            String[] extra = {"--ovsdb", ovs.db(), "--config", toml.toString()};
            String nicMac = StaticModeIT.mac(s.host().ip("link", "show", "eth0"));

            try (RunningDaemon d = RunningDaemon.start(lab, s.host(), CMDLINE, extra)) {
                JsonNode st = d.stateJson();
                assertEquals("ovs", st.path("backend").asText());
                assertEquals("secure", ovs.vsctl("get", "bridge", "mos", "fail_mode").strip());
                assertEquals(nicMac, StaticModeIT.mac(s.host().ip("link", "show", "mos")), "mos keeps the NIC's MAC");

                // The proxy answers for the host with the NIC's MAC.
                String arp = s.upstream().sh("arping", "-c", "1", "-w", "5", "-I", "br-up", "10.77.0.10");
                assertTrue(arp.toLowerCase(Locale.ROOT).contains("[" + nicMac + "]"), arp);
                String nd = s.upstream().sh("ndisc6", "-1", "-r", "3", "-w", "1000", "fd77::10", "br-up");
                assertTrue(nd.toLowerCase(Locale.ROOT).contains(nicMac), nd);
                assertTrue(s.upstream().exec("ping", "-c", "1", "-W", "3", "10.77.0.10").ok(), "upstream reaches host");
                assertTrue(s.host().exec("ping", "-6", "-c", "1", "-W", "3", "fd77::1").ok(), "host reaches fd77::1");

                vmReachesUpstreamBehindTheNicMac(lab, s, ovs, nicMac);
                cliViewsCarryLiveValues(d);

                // SIGKILL and restart: the bridge and mosnet's flows stay, nothing is duplicated.
                String bridgeUuid = ovs.vsctl("get", "bridge", "mos", "_uuid").strip();
                String ports = ovs.vsctl("list-ports", "mos");
                List<String> before = owned(ovs);
                Map<String, Double> agesBefore = ages(ovs);
                d.process.signal("KILL");
                d.process.waitFor(10);
                assertEquals(before, owned(ovs), "flows stay while mosnetd is down");
                assertTrue(s.upstream().exec("ping", "-c", "1", "-W", "3", "10.77.0.10").ok(),
                        "the host stays reachable while mosnetd is down");
                d.relaunch(extra);
                assertEquals(bridgeUuid, ovs.vsctl("get", "bridge", "mos", "_uuid").strip(),
                        "bridge adopted, not rebuilt");
                assertEquals(ports, ovs.vsctl("list-ports", "mos"));
                List<String> after = owned(ovs);
                assertEquals(before, after, "the same flows after the restart, none duplicated");
                assertEquals(after.size(), after.stream().distinct().count(), "no duplicate flows:\n" + after);
                // Not removed and re-added either: every flow is older than when it was first looked at.
                Map<String, Double> agesAfter = ages(ovs);
                agesBefore.forEach((flow, age) -> assertTrue(agesAfter.get(flow) > age,
                        "re-created by the restart (age " + agesAfter.get(flow) + " s, was " + age + " s): " + flow));
                assertTrue(s.upstream().exec("ping", "-c", "1", "-W", "3", "10.77.0.10").ok());
                JsonNode verify = d.cliJson("verify");
                assertTrue(verify.toString().contains("OVS flows (" + after.size() + " with mosnet's cookie)"),
                        verify.toString());
                assertEquals(0, verify.path("differences").size(), verify.toString());
                assertEquals(0, d.cli("health").status(), "healthy again after the restart");

                // SIGTERM: a boot daemon leaves bridge and flows; the controller thread just ends with the process.
                d.stop();
                assertEquals(after, owned(ovs), "flows stay after SIGTERM");
                assertTrue(s.upstream().exec("ping", "-c", "1", "-W", "3", "10.77.0.10").ok(), "host still reachable");
            }
        }
    }

    /** A VM on its own OVS port, with its own MAC: upstream only ever sees the NIC's. */
    private static void vmReachesUpstreamBehindTheNicMac(Lab lab, Lab.Standard s, OpenVswitch ovs, String nicMac)
            throws Exception {
        Namespace vm = lab.namespace("vm");
        lab.veth(s.host(), "vm0", vm, "eth0");
        vm.ip("link", "set", "eth0", "address", VM_MAC);
        vm.ip("addr", "add", "10.77.0.50/24", "dev", "eth0");
        vm.ip("-6", "addr", "add", "fd77::50/64", "dev", "eth0", "nodad");
        ovs.vsctl("add-port", "mos", "vm0");

        LabProcess capture = lab.start(s.upstream(), "tcpdump-up", "tcpdump", "-l", "-n", "-e", "-i", "br-up",
                "host 10.77.0.50 or host fd77::50 or ether host " + VM_MAC);
        awaitOutput(capture, "listening on");
        assertTrue(vm.exec("ping", "-c", "3", "-W", "2", "10.77.0.1").ok(), "VM reaches the IPv4 gateway");
        assertTrue(vm.exec("ping", "-6", "-c", "3", "-W", "2", "fd77::1").ok(), "VM reaches the IPv6 gateway");
        Thread.sleep(300);
        lab.stop(capture);

        String seen = capture.output();
        List<String> fromVm = seen.lines().filter(l -> l.contains(" 10.77.0.50 > ") || l.contains(" fd77::50 > "))
                .toList();
        assertFalse(fromVm.isEmpty(), "capture saw no VM traffic:\n" + seen);
        assertTrue(fromVm.stream().allMatch(l -> l.contains(" " + nicMac + " > ")),
                "VM frames not from the NIC's MAC:\n" + seen);
        assertFalse(seen.toLowerCase(Locale.ROOT).contains(VM_MAC), "the VM's MAC leaked upstream:\n" + seen);
        String neigh = s.upstream().ip("neigh", "show", "10.77.0.50");
        assertTrue(neigh.contains(nicMac), neigh);
    }

    private static void cliViewsCarryLiveValues(RunningDaemon d) throws Exception {
        JsonNode ovsView = d.cliJson("ovs");
        assertEquals("mos", ovsView.path("bridge").asText(), ovsView.toString());
        assertEquals("netdev", ovsView.path("datapathType").asText(), ovsView.toString());
        assertEquals("secure", ovsView.path("failMode").asText(), ovsView.toString());
        List<String> ports = new ArrayList<>();
        ovsView.path("ports").forEach(p -> ports.add(p.path("name").asText()));
        assertTrue(ports.containsAll(List.of("eth0", "mos", "vm0")), ports.toString());
        assertTrue(ovsView.path("controllers").get(0).asText().contains("connected"), ovsView.toString());

        JsonNode bridge = d.cliJson("bridge");
        assertEquals("ovs", bridge.path("backend").asText(), bridge.toString());
        Map<String, String> roles = new HashMap<>();
        bridge.path("ports").forEach(p -> roles.put(p.path("name").asText(), p.path("role").asText()));
        assertEquals(Map.of("eth0", "uplink", "mos", "host", "vm0", "guest"), roles, bridge.toString());

        JsonNode flows = d.cliJson("flows");
        assertTrue(flows.isArray() && flows.size() > 0, flows.toString());
        long mine = 0;
        long packets = 0;
        for (JsonNode f : flows) {
            if (COOKIE.equals(f.path("cookie").asText())) {
                mine++;
                packets += f.path("packets").asLong();
            }
        }
        assertTrue(mine > 0 && packets > 0, "mosnet's flows with counters:\n" + flows);
        assertTrue(flows.toString().contains("arp_tpa=10.77.0.10"), flows.toString());

        JsonNode datapath = d.cliJson("datapath");
        assertTrue(datapath.isArray(), datapath.toString());
        JsonNode verbose = d.cliJson("datapath", "--verbose");
        assertTrue(verbose.isArray(), verbose.toString());

        JsonNode conntrack = d.cliJson("conntrack");
        assertTrue(conntrack.path("entries").isArray(), conntrack.toString());
        JsonNode stats = d.cliJson("conntrack", "--stats");
        assertTrue(stats.path("stats").has("total"), stats.toString());
        JsonNode flushed = d.cliJson("conntrack", "--flush");
        assertTrue(flushed.has("flushed"), flushed.toString());
    }

    /** mosnet's flows as ovs-ofctl prints them, without the counters and ages that change with traffic. */
    private static List<String> owned(OpenVswitch ovs) {
        return ovs.dumpFlows("mos").stream().filter(l -> l.contains("cookie=" + COOKIE))
                .map(l -> l.replaceAll("(duration|n_packets|n_bytes|idle_age|hard_age)=[^,]*, ?", "").strip())
                .sorted().collect(Collectors.toList());
    }

    /** mosnet's flows with their age in seconds (ovs-ofctl's duration). */
    private static Map<String, Double> ages(OpenVswitch ovs) {
        Map<String, Double> out = new HashMap<>();
        for (String l : ovs.dumpFlows("mos")) {
            Matcher m = DURATION.matcher(l);
            if (l.contains("cookie=" + COOKIE) && m.find()) {
                out.put(l.replaceAll("(duration|n_packets|n_bytes|idle_age|hard_age)=[^,]*, ?", "").strip(),
                        Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }

    private static void awaitOutput(LabProcess p, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!p.output().contains(text)) {
            if (!p.alive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError(p + " never printed '" + text + "':\n" + p.output());
            }
            Thread.sleep(50);
        }
    }
}
