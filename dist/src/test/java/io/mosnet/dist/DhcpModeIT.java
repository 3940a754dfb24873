package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.lab.Command;
import io.mosnet.lab.Lab;
import io.mosnet.lab.LabProcess;
import io.mosnet.lab.Namespace;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** DHCP mode end to end against dnsmasq: probing, the lease on the bridge, renewal, rebinding, NAK, carrier. */
class DhcpModeIT {

    /** Short timers so that renewal and rebinding happen within seconds (dnsmasq's shortest lease is 2 minutes). */
    private static final String[] FAST_TIMERS = {"--dhcp-option=option:T1,4", "--dhcp-option=option:T2,7"};

    private static LabProcess dnsmasq(Lab lab, Namespace ns, String range) {
        return lab.dnsmasq(ns, "br-up", range, "--dhcp-option=option:router," + Lab.GATEWAY4,
                "--dhcp-option=option:dns-server," + Lab.GATEWAY4, "--domain=lab.example", FAST_TIMERS[0],
                FAST_TIMERS[1]);
    }

    @Test
    void oneNicGetsItsLeaseOnTheBridgeRenewsRebindsAndRecovers() throws Exception {
        try (Lab.Standard s = Lab.standard("dh", 1, 1)) {
            LabProcess server = dnsmasq(s.lab(), s.upstream(), "10.77.0.100,10.77.0.150,255.255.255.0,2m");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10")) {
                JsonNode lease = d.stateJson().path("leases").path("dhcpv4");
                String address = lease.path("address").asText();
                assertTrue(address.matches("10\\.77\\.0\\.1[0-5][0-9]/24"), address);
                assertEquals("eth0", d.stateJson().path("nic").asText());
                assertTrue(s.host().ip("addr", "show", "mos").contains(address));
                assertTrue(s.host().ip("route").contains("default via 10.77.0.1 dev mos"));
                String resolv = Files.readString(d.dir.resolve("resolv.conf"));
                assertTrue(resolv.contains("nameserver 10.77.0.1") && resolv.contains("search lab.example"), resolv);
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", Lab.GATEWAY4).ok());

                // T1 is 4 s: the renewal shows in the state file as a new lease time.
                String obtained = lease.path("obtainedAt").asText();
                JsonNode renewed = await(d, st -> !st.path("leases").path("dhcpv4").path("obtainedAt").asText()
                        .equals(obtained), "a renewal");
                assertEquals(address, renewed.path("leases").path("dhcpv4").path("address").asText());
                JsonNode cli = d.cliJson("lease");
                assertTrue(cli.toString().contains(address), cli.toString());

                // The server goes away: RENEWING, then REBINDING at T2; the address stays.
                s.lab().stop(server);
                await(d, st -> "REBINDING".equals(st.path("leases").path("dhcpv4").path("state").asText()),
                        "rebinding after the server stopped");
                assertTrue(s.host().ip("addr", "show", "mos").contains(address), "address kept until expiry");

                // It comes back: the client rebinds and is BOUND again. REBINDING retransmits at half the remaining lease
                // time but at least every 60 s (RFC 2131 4.4.5), so this can take a minute.
                dnsmasq(s.lab(), s.upstream(), "10.77.0.100,10.77.0.150,255.255.255.0,2m");
                await(d, st -> "BOUND".equals(st.path("leases").path("dhcpv4").path("state").asText()),
                        "bound again once the server is back", 100);
            }
        }
    }

    @Test
    void nakAfterTheServersRangeChangedLeadsToANewLease() throws Exception {
        try (Lab.Standard s = Lab.standard("nak", 1, 1)) {
            LabProcess server = dnsmasq(s.lab(), s.upstream(), "10.77.0.100,10.77.0.150,255.255.255.0,2m");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10")) {
                String before = d.stateJson().path("leases").path("dhcpv4").path("address").asText();
                s.lab().stop(server);
                s.upstream().ip("addr", "add", "10.78.0.1/24", "dev", "br-up");
                s.lab().dnsmasq(s.upstream(), "br-up", "10.78.0.100,10.78.0.150,255.255.255.0,2m",
                        "--dhcp-option=option:router,10.78.0.1", FAST_TIMERS[0], FAST_TIMERS[1]);
                JsonNode st = await(d, x -> x.path("leases").path("dhcpv4").path("address").asText()
                        .startsWith("10.78.0."), "a lease from the new range after the NAK");
                assertNotEquals(before, st.path("leases").path("dhcpv4").path("address").asText());
                assertTrue(!s.host().ip("addr", "show", "mos").contains(before), "the refused address is gone");
                assertTrue(s.host().ip("route").contains("default via 10.78.0.1 dev mos"));
            }
        }
    }

    @Test
    void carrierLossShowsInHealthUntilItComesBack() throws Exception {
        try (Lab.Standard s = Lab.standard("car", 1, 1)) {
            dnsmasq(s.lab(), s.upstream(), "10.77.0.100,10.77.0.150,255.255.255.0,2m");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10")) {
                s.upstream().ip("link", "set", "up0", "down");
                await(d, st -> st.path("problems").toString().contains("no carrier on uplink eth0"), "the outage");
                Command.Result degraded = d.cli("health");
                assertEquals(1, degraded.status(), degraded.out());
                assertTrue(degraded.out().contains("no carrier on uplink eth0"), degraded.out());

                s.upstream().ip("link", "set", "up0", "up");
                await(d, st -> st.path("problems").isEmpty()
                        && "BOUND".equals(st.path("leases").path("dhcpv4").path("state").asText()), "recovery");
                assertEquals(0, d.cli("health").status());
            }
        }
    }

    @Test
    void probesEveryNicAndRanksPrivateOrPublicOffersAsConfigured() throws Exception {
        try (Lab lab = Lab.create("rank")) {
            Namespace host = lab.namespace("host");
            Namespace priv = lab.namespace("priv");
            Namespace pub = lab.namespace("pub");
            lab.veth(host, "eth0", pub, "up0");
            lab.veth(host, "eth1", priv, "up0");
            for (Namespace n : new Namespace[] {priv, pub}) {
                n.ip("link", "add", "br-up", "type", "bridge");
                n.ip("link", "set", "up0", "master", "br-up");
                n.ip("link", "set", "br-up", "up");
            }
            priv.ip("addr", "add", "10.77.0.1/24", "dev", "br-up");
            pub.ip("addr", "add", "198.51.100.1/24", "dev", "br-up");
            lab.dnsmasq(priv, "br-up", "10.77.0.100,10.77.0.150,255.255.255.0,2m", "--dhcp-option=option:router,10.77.0.1");
            lab.dnsmasq(pub, "br-up", "198.51.100.100,198.51.100.150,255.255.255.0,2m",
                    "--dhcp-option=option:router,198.51.100.1");

            try (RunningDaemon d = RunningDaemon.start(lab, host, "mosdhcp_timeout=10")) {
                assertEquals("eth1", d.stateJson().path("nic").asText(), "the RFC 1918 offer wins by default");
                assertTrue(d.stateJson().path("leases").path("dhcpv4").path("address").asText().startsWith("10.77.0."));
            }
            // A fresh host: tear the bridge down and start again with public offers first.
            host.ip("link", "del", "mos");
            Files.deleteIfExists(lab.dir().resolve("mosnetd-" + host.name()).resolve("mosnet.json"));
            try (RunningDaemon d = RunningDaemon.start(lab, host, "mosdhcp_timeout=10 mosdhcp_prefer_private=no")) {
                assertEquals("eth0", d.stateJson().path("nic").asText(), "the public offer wins with prefer_private=no");
                assertTrue(d.stateJson().path("leases").path("dhcpv4").path("address").asText().startsWith("198.51.100."));
            }
        }
    }

    /**
     * A /32 lease with its router outside it, as cloud providers hand them out (option 3 only here): the host route
     * to the router goes in before the default route through it, and traffic flows. Its MTU (option 26, 1460 as on
     * Google's cloud) is the bridge's; the NIC keeps its larger one.
     */
    @Test
    void aSlash32LeaseReachesItsRouterOutsideTheSubnetWithTheLeasesMtu() throws Exception {
        try (Lab.Standard s = Lab.standard("p32", 1, 1)) {
            s.lab().dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.150,2m",
                    "--dhcp-option=option:netmask,255.255.255.255", "--dhcp-option=option:router," + Lab.GATEWAY4,
                    "--dhcp-option=option:mtu,1460");
            s.upstream().ip("addr", "add", "198.51.100.1/32", "dev", "lo");
            s.upstream().ip("route", "add", "10.77.0.96/27", "dev", "br-up");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10 mosdhcp6=no")) {
                String address = d.stateJson().path("leases").path("dhcpv4").path("address").asText();
                assertTrue(address.endsWith("/32"), address);
                String routes = s.host().ip("route");
                assertTrue(routes.contains("10.77.0.1 dev mos proto dhcp scope link"), routes);
                assertTrue(routes.contains("default via 10.77.0.1 dev mos proto dhcp"), routes);
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", "198.51.100.1").ok(), "behind the router");
                assertTrue(s.host().ip("link", "show", "mos").contains("mtu 1460"), s.host().ip("link", "show", "mos"));
                assertTrue(s.host().ip("link", "show", "eth0").contains("mtu 1500"));
                assertEquals(0, d.stateJson().path("problems").size(), d.stateJson().toString());
            }
        }
    }

    /**
     * Another host already uses the only address the server has (a squatter with a static address on the upstream
     * segment): the lease is declined once the squatter answers the ARP probe, the address leaves the bridge, and
     * the client starts over; once the squatter is gone the same address is bound and kept.
     */
    @Test
    void anAddressInUseIsDeclinedAndTheClientStartsOver() throws Exception {
        try (Lab.Standard s = Lab.standard("acd", 1, 1)) {
            Namespace squatter = s.lab().namespace("squat");
            s.lab().veth(squatter, "eth0", s.upstream(), "sq0");
            s.upstream().ip("link", "set", "sq0", "master", "br-up");
            squatter.ip("addr", "add", "10.77.0.120/24", "dev", "eth0");
            String squatterMac = squatter.sh("cat", "/sys/class/net/eth0/address").strip();
            LabProcess server = dnsmasq(s.lab(), s.upstream(), "10.77.0.120,10.77.0.120,255.255.255.0,2m");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10 mosdhcp6=no")) {
                JsonNode st = await(d, x -> x.path("problems").toString().contains("declined"), "the decline", 20);
                assertTrue(st.path("problems").toString().contains(
                        "dhcpv4 lease lost: declined: 10.77.0.120 is in use by " + squatterMac), st.toString());
                assertTrue(!s.host().ip("addr", "show", "mos").contains("10.77.0.120"), "the address left the bridge");
                assertTrue(server.output().contains("DHCPDECLINE"), server.output());

                squatter.ip("addr", "del", "10.77.0.120/24", "dev", "eth0");
                st = await(d, x -> x.path("problems").isEmpty()
                        && "BOUND".equals(x.path("leases").path("dhcpv4").path("state").asText()),
                        "a new lease once the address is free", 60);
                assertEquals("10.77.0.120/24", st.path("leases").path("dhcpv4").path("address").asText());
                // The new address's own probe (the daemon logs at debug level in these tests) finds nobody.
                Instant deadline = Instant.now().plusSeconds(20);
                while (!d.process.output().contains("10.77.0.120 on mos: no other host answered")
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                }
                assertTrue(d.process.output().contains("10.77.0.120 on mos: no other host answered"),
                        d.process.output());
                assertTrue(d.stateJson().path("problems").isEmpty(), d.stateJson().toString());
                assertTrue(s.host().ip("addr", "show", "mos").contains("10.77.0.120/24"));
            }
        }
    }

    static JsonNode await(RunningDaemon d, Predicate<JsonNode> condition, String what) throws Exception {
        return await(d, condition, what, 60);
    }

    static JsonNode await(RunningDaemon d, Predicate<JsonNode> condition, String what, int seconds) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = d.stateJson();
                if (condition.test(last)) {
                    return last;
                }
            } catch (java.io.IOException e) {
                // being replaced; read again
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited " + seconds + " s for " + what + "; last state: " + last + "\nmosnetd output:\n"
                + d.process.output());
    }
}
