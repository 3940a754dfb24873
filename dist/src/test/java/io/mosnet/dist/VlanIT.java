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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vlan topology end to end on userspace Open vSwitch (the kernel here has no 802.1Q and no bridge VLAN
 * filtering, OVS tags in userspace). Upstream is a second OVS in its own namespace: a standalone (learning) switch
 * whose port toward the host is a trunk, with the gateway on an internal port tagged 4000 and an untagged "native"
 * port beside it. mosnetd runs with {@code mosvlan=4000,1400}: the host's address must be reachable only through
 * VLAN 4000, its frames must cross the wire tagged, and {@code mosnet vlan} must show the set-up.
 */
class VlanIT {

    private static final int VLAN = 4000;
    private static final String GW = "10.40.0.1";
    private static final String HOST = "10.40.0.10";

    /** The host lab: upstream OVS (trunk up0, gateway gw4000 on VLAN 4000, native port untagged), host OVS. */
    private record VlanLab(Lab lab, Namespace upstream, Namespace host, OpenVswitch upOvs, OpenVswitch hostOvs,
                           Path toml) implements AutoCloseable {
        @Override
        public void close() {
            lab.close();
        }
    }

    private static VlanLab vlanLab(String prefix) throws Exception {
        Lab lab = Lab.create(prefix);
        try {
            Namespace upstream = lab.namespace("up");
            Namespace host = lab.namespace("host");
            upstream.sh("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0");
            lab.veth(host, "eth0", upstream, "up0");
            OpenVswitch upOvs = lab.openVswitch(upstream, "ovs-up");
            // A plain learning switch: NORMAL honours the access port's tag and the trunk.
            upOvs.vsctl("add-br", "upbr", "--", "set", "bridge", "upbr", "datapath_type=netdev",
                    "--", "add-port", "upbr", "up0",
                    "--", "add-port", "upbr", "gw4000", "tag=" + VLAN, "--", "set", "interface", "gw4000",
                    "type=internal",
                    "--", "add-port", "upbr", "native", "--", "set", "interface", "native", "type=internal");
            awaitLink(upstream, "gw4000");
            awaitLink(upstream, "native");
            upstream.ip("link", "set", "upbr", "up");
            upstream.ip("link", "set", "gw4000", "up");
            upstream.ip("link", "set", "native", "up");
            upstream.ip("addr", "add", GW + "/24", "dev", "gw4000");
            upstream.ip("addr", "add", "10.77.0.1/24", "dev", "native");
            OpenVswitch hostOvs = lab.openVswitch(host);
            Path plugins = RunningDaemon.pluginsDir(lab, host);
            Files.copy(Distribution.ovsPlugin(), plugins.resolve(Distribution.ovsPlugin().getFileName()));
            Path toml = Files.writeString(lab.dir().resolve("mosnet.toml"), """
                    [plugins.ovs]
                    rundir = "%s"
                    datapath_type = "netdev"
                    """.formatted(hostOvs.rundir()));
            return new VlanLab(lab, upstream, host, upOvs, hostOvs, toml);
        } catch (Exception | AssertionError e) {
            lab.close();
            throw e;
        }
    }

    @Test
    void staticAddressOnVlan4000ReachesTheTaggedGatewayOnly() throws Exception {
        try (VlanLab l = vlanLab("vlan")) {
            String cmdline = "mosbridge=ovs mosvlan=" + VLAN + ",1400 mosip4=" + HOST + "," + GW + ",255.255.255.0";
            try (RunningDaemon d = RunningDaemon.start(l.lab(), l.host(), cmdline, "--ovsdb", l.hostOvs().db(),
                    "--config", l.toml().toString())) {
                JsonNode st = d.stateJson();
                assertEquals("vlan", st.path("topology").asText(), st.toString());
                assertEquals(VLAN, st.path("uplinks").path(0).path("vlan").asInt(), st.toString());
                assertEquals(String.valueOf(VLAN), l.hostOvs().vsctl("get", "port", "mos", "tag").strip());
                assertEquals("[]", l.hostOvs().vsctl("get", "port", "eth0", "tag").strip(), "the uplink is a trunk");
                assertTrue(l.host().ip("link", "show", "mos").contains("mtu 1400"), l.host().ip("link", "show", "mos"));

                LabProcess capture = l.lab().start(l.upstream(), "tcpdump-up0", "tcpdump", "-l", "-n", "-e", "-i",
                        "up0", "icmp");
                awaitOutput(capture, "listening on");
                assertTrue(l.upstream().exec("ping", "-c", "2", "-W", "3", "-I", "gw4000", HOST).ok(),
                        "the tagged gateway reaches the host");
                assertTrue(l.host().exec("ping", "-c", "2", "-W", "3", GW).ok(), "the host reaches its VLAN's gateway");
                Thread.sleep(300);
                l.lab().stop(capture);
                List<String> icmp = capture.output().lines().filter(x -> x.contains(HOST)).toList();
                assertFalse(icmp.isEmpty(), capture.output());
                assertTrue(icmp.stream().allMatch(x -> x.contains("vlan " + VLAN)),
                        "every frame on the wire carries tag " + VLAN + ":\n" + capture.output());

                // The untagged (native) network does not reach the host: its traffic is left for VMs.
                l.upstream().ip("addr", "add", "10.40.0.99/24", "dev", "native");
                assertFalse(l.upstream().exec("ping", "-c", "1", "-W", "2", "-I", "native", HOST).ok(),
                        "untagged traffic must not reach the host's VLAN address");

                JsonNode vlan = d.cliJson("vlan");
                assertTrue(vlan.path("filtering").asBoolean(), vlan.toString());
                List<String> members = new ArrayList<>();
                vlan.path("memberships").forEach(m -> members.add(m.path("port").asText() + ":" + m.path("vid").asInt()
                        + (m.path("pvid").asBoolean() ? ":pvid" : "") + (m.path("untagged").asBoolean() ? ":untagged" : "")));
                assertEquals(List.of("eth0:4000", "mos:4000:pvid:untagged"), members, vlan.toString());
                String table = d.cli("vlan").out();
                assertTrue(table.contains("VLAN filtering: on") && table.contains("4000"), table);
                assertEquals(0, d.cli("health").status(), d.cli("health").out());
            }
        }
    }

    @Test
    void dhcpOnVlan4000WithoutAProbe() throws Exception {
        try (VlanLab l = vlanLab("vland")) {
            l.lab().dnsmasq(l.upstream(), "gw4000", "10.40.0.100,10.40.0.150,255.255.255.0,2m",
                    "--dhcp-option=option:router," + GW);
            try (RunningDaemon d = RunningDaemon.start(l.lab(), l.host(), "mosbridge=ovs mosvlan=" + VLAN
                    + " mosdhcp_timeout=10 mosdhcp6=no", "--ovsdb", l.hostOvs().db(), "--config", l.toml().toString())) {
                JsonNode st = d.stateJson();
                String address = st.path("leases").path("dhcpv4").path("address").asText();
                assertTrue(address.startsWith("10.40.0.1"), st.toString());
                assertTrue(l.host().exec("ping", "-c", "1", "-W", "3", GW).ok(), "the lease's gateway on the VLAN");
            }
        }
    }

    private static void awaitLink(Namespace ns, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!ns.exec("ip", "link", "show", name).ok()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " never appeared in " + ns);
            }
            Thread.sleep(50);
        }
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
