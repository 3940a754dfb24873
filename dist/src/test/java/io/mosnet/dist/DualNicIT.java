package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.lab.Lab;
import io.mosnet.lab.Namespace;
import io.mosnet.lab.OpenVswitch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dual-nic topology end to end on Linux bridges: two upstream namespaces, a public one (static, gateway
 * 203.0.113.1) on the host's eth1 and a private one (dnsmasq, 10.88.0.0/24, which also hands out a router and a DNS
 * server) on eth0. The primary uplink must be found by ARP past eth0, the second probed among the NIC left; only
 * the primary carries the default route and DNS.
 */
class DualNicIT {

    private static final String PUBLIC_GW = "203.0.113.1";
    private static final String PRIVATE_GW = "10.88.0.1";

    private record DualLab(Lab lab, Namespace pub, Namespace priv, Namespace host) implements AutoCloseable {
        @Override
        public void close() {
            lab.close();
        }
    }

    private static DualLab dualLab(String prefix) {
        Lab lab = Lab.create(prefix);
        try {
            Namespace priv = lab.namespace("priv");
            Namespace pub = lab.namespace("pub");
            Namespace host = lab.namespace("host");
            lab.veth(host, "eth0", priv, "priv0");
            lab.veth(host, "eth1", pub, "pub0");
            priv.ip("addr", "add", PRIVATE_GW + "/24", "dev", "priv0");
            pub.ip("addr", "add", PUBLIC_GW + "/24", "dev", "pub0");
            lab.dnsmasq(priv, "priv0", "10.88.0.100,10.88.0.150,255.255.255.0,2m",
                    "--dhcp-option=option:router," + PRIVATE_GW, "--dhcp-option=option:dns-server,10.88.0.53");
            return new DualLab(lab, pub, priv, host);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    @Test
    void staticPublicPrimaryAndDhcpPrivateSecondary() throws Exception {
        try (DualLab l = dualLab("dual")) {
            String cmdline = "mostopology=dual-nic mosip4=203.0.113.10," + PUBLIC_GW + ",24 mosdhcp6=no "
                    + "mosdhcp_timeout=10";
            try (RunningDaemon d = RunningDaemon.start(l.lab(), l.host(), cmdline)) {
                d.awaitUplinkAddress(1);
                JsonNode st = d.stateJson();
                assertEquals("dual-nic", st.path("topology").asText(), st.toString());
                assertEquals("eth1", st.path("nic").asText(), "the primary was found by ARP past eth0");
                JsonNode second = st.path("uplinks").path(1);
                assertEquals("mos1", second.path("bridge").asText(), st.toString());
                assertEquals("eth0", second.path("nic").asText(), st.toString());
                assertEquals("dhcp", second.path("mode").asText(), st.toString());
                assertFalse(second.path("defaultRoute").asBoolean());
                String lease = st.path("leases").path("dhcpv4@mos1").path("address").asText();
                assertTrue(lease.startsWith("10.88.0.1"), st.toString());
                assertTrue(l.host().ip("addr", "show", "mos1").contains(lease), "the lease is on mos1");

                String defaults = l.host().ip("route", "show", "default");
                assertTrue(defaults.contains("via " + PUBLIC_GW + " dev mos"), defaults);
                assertFalse(defaults.contains("mos1"), "the second uplink carries no default route: " + defaults);
                assertTrue(l.host().ip("route", "show", "10.88.0.0/24").contains("dev mos1"),
                        "the second uplink's own subnet");
                String resolv = Files.exists(d.dir.resolve("resolv.conf")) ? Files.readString(d.dir.resolve("resolv.conf"))
                        : "";
                assertFalse(resolv.contains("10.88.0.53"), "the second uplink's DNS is ignored:\n" + resolv);

                assertTrue(l.host().exec("ping", "-c", "1", "-W", "3", PUBLIC_GW).ok(), "public gateway");
                assertTrue(l.host().exec("ping", "-c", "1", "-W", "3", PRIVATE_GW).ok(), "private gateway");
                assertEquals(0, d.cli("health").status(), d.cli("health").out());
                String status = d.cli("status").out();
                assertTrue(status.contains("Uplink mos1") && status.contains("own subnets only")
                        && status.contains("Lease dhcpv4@mos1"), status);

                // SIGKILL and restart: each bridge finds its own uplink port again; mos1 keeps one private address.
                d.process.signal("KILL");
                d.process.waitFor(10);
                d.relaunch();
                d.awaitUplinkAddress(1);
                JsonNode again = d.stateJson();
                assertEquals("eth1", again.path("nic").asText(), again.toString());
                assertEquals("eth0", again.path("uplinks").path(1).path("nic").asText(), again.toString());
                String mos1 = l.host().ip("-4", "-o", "addr", "show", "mos1");
                assertEquals(1, mos1.lines().count(), "one private address after the restart:\n" + mos1);
                assertTrue(l.host().exec("ping", "-c", "1", "-W", "3", PRIVATE_GW).ok(), "private gateway again");
            }
        }
    }

    @Test
    void bothUplinksStaticTheSecondFoundByArp() throws Exception {
        try (DualLab l = dualLab("duals")) {
            String cmdline = "mosip4=203.0.113.10," + PUBLIC_GW + ",24 mosip4_2=10.88.0.20," + PRIVATE_GW + ",24";
            try (RunningDaemon d = RunningDaemon.start(l.lab(), l.host(), cmdline)) {
                JsonNode st = d.stateJson();
                assertEquals("dual-nic", st.path("topology").asText(), st.toString());
                assertEquals("eth0", st.path("uplinks").path(1).path("nic").asText(), st.toString());
                assertTrue(l.host().ip("addr", "show", "mos1").contains("10.88.0.20/24"));
                assertFalse(l.host().ip("route", "show", "default").contains("mos1"));
                assertTrue(l.priv().exec("ping", "-c", "1", "-W", "3", "10.88.0.20").ok(), "private side reaches host");
                assertTrue(l.pub().exec("ping", "-c", "1", "-W", "3", "203.0.113.10").ok(), "public side reaches host");
            }
        }
    }

    @Test
    void twoOpenVswitchBridgesEachWithItsController() throws Exception {
        try (DualLab l = dualLab("dualo")) {
            OpenVswitch ovs = l.lab().openVswitch(l.host());
            Path plugins = RunningDaemon.pluginsDir(l.lab(), l.host());
            Files.copy(Distribution.ovsPlugin(), plugins.resolve(Distribution.ovsPlugin().getFileName()));
            Path toml = Files.writeString(l.lab().dir().resolve("mosnet.toml"), """
                    [plugins.ovs]
                    rundir = "%s"
                    datapath_type = "netdev"
                    """.formatted(ovs.rundir()));
            String cmdline = "mosbridge=ovs mosip4=203.0.113.10," + PUBLIC_GW + ",24 mosnic2=eth0 mosip4_2=10.88.0.20,"
                    + PRIVATE_GW + ",24";
            try (RunningDaemon d = RunningDaemon.start(l.lab(), l.host(), cmdline, "--ovsdb", ovs.db(), "--config",
                    toml.toString())) {
                assertEquals("eth1", ovs.vsctl("list-ports", "mos").strip());
                assertEquals("eth0", ovs.vsctl("list-ports", "mos1").strip());
                assertFalse(ovs.dumpFlows("mos").isEmpty(), "mos has mosnet's flows");
                assertFalse(ovs.dumpFlows("mos1").isEmpty(), "mos1 has mosnet's flows too");
                assertTrue(l.pub().exec("ping", "-c", "1", "-W", "3", "203.0.113.10").ok(), "public side reaches host");
                assertTrue(l.priv().exec("ping", "-c", "1", "-W", "3", "10.88.0.20").ok(), "private side reaches host");
                assertFalse(l.host().ip("route", "show", "default").contains("mos1"));
            }
        }
    }
}
