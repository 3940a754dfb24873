package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.lab.Command;
import io.mosnet.lab.Lab;
import io.mosnet.lab.LabProcess;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The daemon's life: killed with SIGKILL and started again, it adopts what is configured without removing and
 * re-adding anything (a netlink monitor sees no deletion); SIGTERM leaves the network and removes the socket.
 */
class RestartIT {

    @Test
    void killAndRestartAdoptsTheNetworkWithoutDeletions() throws Exception {
        try (Lab.Standard s = Lab.standard("rst", 1, 1)) {
            String cmdline = "mosip4=10.77.0.10,10.77.0.1,255.255.255.0 mosip6=fd77::10/64,fd77::1 mosfirewall=ssh";
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), cmdline)) {
                String nftBefore = ruleset(s);
                LabProcess monitor = s.lab().start(s.host(), "ip-monitor", "ip", "monitor", "link", "address", "route");
                Thread.sleep(300);

                d.process.signal("KILL");
                d.process.waitFor(10);
                d.relaunch();
                Thread.sleep(500);
                s.lab().stop(monitor);

                String events = monitor.output();
                assertFalse(events.lines().anyMatch(l -> l.startsWith("Deleted")),
                        "restart removed something:\n" + events);
                assertEquals(nftBefore, ruleset(s), "firewall kept as it was (same handles: not rebuilt)");
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", Lab.GATEWAY4).ok());

                Command.Result health = d.cli("health");
                assertEquals(0, health.status(), health.out() + health.err());
                JsonNode h = d.cliJson("health");
                assertEquals("healthy", h.path("status").asText());
            }
        }
    }

    /**
     * mosip4 changed and mosnetd restarted without a reboot (the bridge and its addresses stay): the earlier address
     * and its host route go, the new ones come, and `mosnet verify` finds nothing left over. Then to DHCP mode: the
     * static address goes as well.
     */
    @Test
    void aChangedConfigurationReplacesWhatTheEarlierRunPutThere() throws Exception {
        try (Lab.Standard s = Lab.standard("chg", 1, 1)) {
            s.upstream().ip("route", "add", "203.0.113.20/32", "dev", "br-up");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(),
                    "mosip4=203.0.113.20,10.77.0.1,255.255.255.255")) {
                assertTrue(s.host().ip("route").contains("10.77.0.1 dev mos"), s.host().ip("route"));
                d.stop();
                java.nio.file.Files.writeString(d.dir.resolve("cmdline"), "mosip4=10.77.0.10,10.77.0.1,255.255.255.0\n");
                d.relaunch();
                String addrs = s.host().ip("-br", "addr", "show", "mos");
                assertTrue(addrs.contains("10.77.0.10/24") && !addrs.contains("203.0.113.20"), addrs);
                assertFalse(s.host().ip("route").lines().anyMatch(l -> l.startsWith("10.77.0.1 dev mos")),
                        "the host route to the gateway went with the /32: " + s.host().ip("route"));
                Command.Result verify = d.cli("verify");
                assertEquals(0, verify.status(), verify.out() + verify.err());
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", Lab.GATEWAY4).ok());

                s.lab().dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.150,255.255.255.0,2m",
                        "--dhcp-option=option:router," + Lab.GATEWAY4);
                d.stop();
                java.nio.file.Files.writeString(d.dir.resolve("cmdline"), "mosdhcp_timeout=10 mosdhcp6=no\n");
                d.relaunch();
                addrs = s.host().ip("-br", "addr", "show", "mos");
                assertTrue(addrs.contains("10.77.0.1") && !addrs.contains("10.77.0.10/24"), addrs);
                assertEquals(0, d.cli("verify").status(), d.cli("verify").out());
            }
        }
    }

    /** The ruleset with handles (a rebuilt table gets new ones) but without counter values, which keep ticking. */
    private static String ruleset(Lab.Standard s) {
        return s.host().sh("nft", "-a", "list", "ruleset").replaceAll("packets \\d+ bytes \\d+", "");
    }

    @Test
    void dhcpLeaseContinuesAcrossKillAndRestartWithoutDeletions() throws Exception {
        try (Lab.Standard s = Lab.standard("rdh", 1, 1)) {
            s.lab().dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.150,255.255.255.0,2m",
                    "--dhcp-option=option:router," + Lab.GATEWAY4);
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10 mosdhcp6=no")) {
                String address = d.stateJson().path("leases").path("dhcpv4").path("address").asText();
                LabProcess monitor = s.lab().start(s.host(), "ip-monitor-dhcp", "ip", "monitor", "link", "address", "route");
                Thread.sleep(300);
                d.process.signal("KILL");
                d.process.waitFor(10);
                d.relaunch();
                JsonNode st = DhcpModeIT.await(d, x -> "BOUND".equals(x.path("leases").path("dhcpv4").path("state")
                        .asText()) && x.path("startedAt").asText().length() > 0, "the lease confirmed after restart");
                Thread.sleep(500);
                s.lab().stop(monitor);
                assertEquals(address, st.path("leases").path("dhcpv4").path("address").asText(), "same lease");
                assertFalse(monitor.output().lines().anyMatch(l -> l.startsWith("Deleted")),
                        "restart removed something:\n" + monitor.output());
                assertTrue(d.process.output().contains("resuming DHCPv4 lease"), "no new probe: the lease was resumed");
            }
        }
    }

    @Test
    void sigtermLeavesTheNetworkAndRemovesTheSocket() throws Exception {
        try (Lab.Standard s = Lab.standard("term", 1, 1)) {
            RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosip4=10.77.0.10,10.77.0.1,24");
            assertTrue(Files.exists(d.socket()));
            d.stop();
            assertFalse(Files.exists(d.socket()), "socket file removed on SIGTERM");
            assertTrue(s.host().ip("addr", "show", "mos").contains("10.77.0.10/24"), "address kept");
            assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", Lab.GATEWAY4).ok(), "network still up");
            Command.Result health = d.cli("health");
            assertEquals(2, health.status(), "health exits 2 when mosnetd cannot be reached: " + health.err());
        }
    }
}
