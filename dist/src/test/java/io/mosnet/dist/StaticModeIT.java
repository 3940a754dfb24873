package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.lab.Lab;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Static mode end to end: NIC found by ARP/NS probing, bridge, addresses and routes, real traffic. */
class StaticModeIT {

    @Test
    void findsTheNicThatReachesTheGatewayAndConfiguresDualStack() throws Exception {
        try (Lab.Standard s = Lab.standard("st", 2, 1)) {
            // Something behind the gateway, to prove the default route works.
            s.upstream().ip("addr", "add", "198.51.100.1/32", "dev", "lo");
            s.upstream().ip("-6", "addr", "add", "2001:db8:ff::1/128", "dev", "lo");
            // A host in another time zone: mosnetd still logs in UTC (checked at the end).
            try (RunningDaemon d = RunningDaemon.startWithEnvironment(s.lab(), s.host(),
                    "mosip4=10.77.0.10,10.77.0.1,255.255.255.0 mosip6=fd77::10/64,fd77::1 mosbridge=linux",
                    java.util.Map.of("TZ", "Asia/Tokyo"))) {
                d.awaitPhase("running");
                JsonNode st = d.stateJson();
                assertEquals("static", st.path("mode").asText());
                assertEquals("eth1", st.path("nic").asText(), "eth0 leads nowhere; eth1 reaches the gateway");
                assertEquals("mos", st.path("bridge").asText());
                assertEquals("linux", st.path("backend").asText());
                assertEquals(List.of("10.77.0.10/24", "fd77::10/64"), texts(st.path("addresses")));
                assertEquals(2, st.path("routes").size());

                assertTrue(s.host().ip("-br", "link", "show", "eth1").contains("master mos")
                        || s.host().ip("link", "show", "eth1").contains("master mos"));
                String mosLink = s.host().ip("link", "show", "mos");
                String eth1Link = s.host().ip("link", "show", "eth1");
                assertEquals(mac(eth1Link), mac(mosLink), "the bridge keeps the NIC's MAC");
                assertEquals("1", s.host().sh("cat", "/proc/sys/net/ipv6/conf/eth1/disable_ipv6").strip());
                assertEquals("1", s.host().sh("cat", "/proc/sys/net/ipv4/conf/mos/proxy_arp").strip());

                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", "198.51.100.1").ok(), "IPv4 behind the gateway");
                assertTrue(s.host().exec("ping", "-6", "-c", "1", "-W", "3", "2001:db8:ff::1").ok(), "IPv6 behind the gateway");

                // The launcher runs mosnetd in UTC whatever TZ says: log lines carry the time the state file and the
                // leases do.
                String firstLine = Files.readAllLines(d.dir.resolve("mosnetd.log")).get(0);
                assertTrue(firstLine.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000 INFO .*"),
                        firstLine);
                // Lines logged before tinylog was set up (it waits until the network is configured) carry the time
                // they were logged: the plugin lines come before the daemon's start is recorded, not after it.
                java.time.Instant firstLogged = java.time.OffsetDateTime.parse(firstLine.substring(0, 28),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")).toInstant();
                java.time.Instant started = java.time.Instant.parse(st.path("startedAt").asText());
                assertTrue(!firstLogged.isAfter(started), firstLine + " logged after the start at " + started);
            }
        }
    }

    @Test
    void hetznerPointToPointWithOffSubnetGateways() throws Exception {
        try (Lab.Standard s = Lab.standard("p2p", 1, 1)) {
            // Like Hetzner: the host's /32 is outside the gateway's subnet, IPv6 goes through fe80::1.
            s.upstream().ip("route", "add", "203.0.113.20/32", "dev", "br-up");
            s.upstream().ip("-6", "addr", "add", "fe80::1/64", "dev", "br-up", "nodad");
            s.upstream().ip("-6", "route", "add", "2001:db8:20::2/128", "dev", "br-up");
            s.upstream().ip("addr", "add", "198.51.100.1/32", "dev", "lo");
            s.upstream().ip("-6", "addr", "add", "2001:db8:ff::1/128", "dev", "lo");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(),
                    "mosip4=203.0.113.20,10.77.0.1,255.255.255.255 mosip6=2001:db8:20::2/128,fe80::1")) {
                String routes = s.host().ip("route");
                assertTrue(routes.contains("10.77.0.1 dev mos"), routes);
                assertTrue(routes.contains("default via 10.77.0.1 dev mos"), routes);
                assertTrue(s.host().ip("-6", "route").contains("default via fe80::1 dev mos"));
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", "10.77.0.1").ok(), "the gateway");
                assertTrue(s.host().exec("ping", "-c", "1", "-W", "3", "198.51.100.1").ok(), "behind the gateway");
                assertTrue(s.host().exec("ping", "-6", "-c", "1", "-W", "3", "2001:db8:ff::1").ok(), "IPv6 behind fe80::1");
                JsonNode st = d.stateJson();
                assertEquals(List.of("203.0.113.20/32", "2001:db8:20::2/128"), texts(st.path("addresses")));
                assertEquals("10.77.0.1/32", st.path("routes").get(0).path("destination").asText());
            }
        }
    }

    /**
     * mosnat=snat on a host without an IPv4 default route (IPv6 only here; a lease without a router is the same)
     * comes up with its port forwards and masquerades nothing, then follows the default route once there is one.
     */
    @Test
    void snatWithoutAnIpv4DefaultRouteRunsAndFollowsTheRouteWhenItComes() throws Exception {
        try (Lab.Standard s = Lab.standard("snat", 1, 1)) {
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(),
                    "mosip6=fd77::10/64,fd77::1 mosnat=snat,8080:10.99.0.2:80/tcp")) {
                JsonNode st = d.stateJson();
                assertEquals("default route (none yet)", st.path("nat").path("masquerade").asText());
                assertEquals(0, st.path("problems").size(), st.toString());
                String nat = s.host().sh("nft", "list", "table", "ip", "mosnet-nat");
                assertTrue(nat.contains("dnat to 10.99.0.2:80") && !nat.contains("masquerade"), nat);

                s.host().ip("addr", "add", "10.77.0.10/24", "dev", "mos");
                s.host().ip("route", "add", "default", "via", "10.77.0.1", "dev", "mos");
                nat = awaitNat(s, t -> t.contains("oifname \"mos\"") && t.contains("masquerade"));
                assertTrue(nat.contains("dnat to 10.99.0.2:80"), nat);
                assertEquals("mos", awaitState(d, "/nat/masquerade", "mos"));
                assertTrue(d.cli("health").ok(), "healthy with the route");

                s.host().ip("route", "del", "default");
                nat = awaitNat(s, t -> !t.contains("masquerade"));
                assertTrue(nat.contains("dnat to 10.99.0.2:80"), nat);
                assertEquals("default route (none yet)", awaitState(d, "/nat/masquerade", "default route (none yet)"));
                assertTrue(d.cli("health").ok(), "healthy without it again");
            }
        }
    }

    /** Waits up to 10 s for the listing of mosnetd's NAT table to pass {@code test}; returns it. */
    private static String awaitNat(Lab.Standard s, java.util.function.Predicate<String> test)
            throws InterruptedException {
        String nat = "";
        for (int i = 0; i < 100; i++) {
            nat = s.host().sh("nft", "list", "table", "ip", "mosnet-nat");
            if (test.test(nat)) {
                return nat;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the NAT table never became what was awaited:\n" + nat);
    }

    /** Waits up to 10 s for the state file's value at {@code pointer} to be {@code expected}; returns it. */
    private static String awaitState(RunningDaemon d, String pointer, String expected) throws Exception {
        String value = "";
        for (int i = 0; i < 100; i++) {
            try {
                value = d.stateJson().at(pointer).asText();
            } catch (java.io.IOException e) {
                // being written
            }
            if (value.equals(expected)) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(pointer + " is " + value + ", not " + expected);
    }

    @Test
    void unreachableGatewayIsRetriedAndReportedNamingTheNics() throws Exception {
        try (Lab.Standard s = Lab.standard("nogw", 1, 1)) {
            try (RunningDaemon d = RunningDaemon.startNoWait(s.lab(), s.host(),
                    "mosip4=10.77.0.10,10.77.0.99,255.255.255.0")) {
                JsonNode st = d.awaitPhase("retrying");
                String problem = st.path("problems").get(0).asText();
                assertTrue(problem.contains("10.77.0.99") && problem.contains("eth0"), problem);
                assertFalse(Files.exists(d.state()) && "running".equals(d.stateJson().path("phase").asText()));
            }
        }
    }

    static String mac(String ipLinkOutput) {
        int i = ipLinkOutput.indexOf("link/ether ");
        return ipLinkOutput.substring(i + 11, i + 28);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
