package io.mosnet.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.runtime.netlink.Lab;
import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Root test. Host namespace with two NICs (veth), both down at the start: up0 leads to the upstream namespace that
 * owns the gateway (10.0.0.1/24, the Hetzner-style 172.31.1.1 and fe80::1), up1 to a namespace with nothing
 * behind it. The probe must bring both up and pick up0.
 */
class GatewayProbeNamespaceTest {

    private static final MacAddress GW_MAC = MacAddress.parse("02:00:00:00:0b:01");
    private static Lab lab;
    private static String host;
    private static NetlinkHostNetwork net;

    @BeforeAll
    static void buildLab() {
        lab = new Lab();
        host = lab.namespace();
        String upstream = lab.namespace();
        String nowhere = lab.namespace();
        lab.ip(host, "link", "add", "up0", "type", "veth", "peer", "name", "gw0", "netns", upstream);
        lab.ip(host, "link", "add", "up1", "type", "veth", "peer", "name", "x0", "netns", nowhere);
        lab.ip(upstream, "link", "set", "gw0", "address", GW_MAC.toString());
        lab.ip(upstream, "addr", "add", "10.0.0.1/24", "dev", "gw0");
        lab.ip(upstream, "addr", "add", "172.31.1.1/32", "dev", "gw0");
        lab.ip(upstream, "addr", "add", "fe80::1/64", "dev", "gw0", "nodad");
        lab.ip(upstream, "link", "set", "gw0", "up");
        lab.ip(upstream, "route", "add", "192.0.2.10/32", "dev", "gw0");
        lab.ip(nowhere, "link", "set", "x0", "up");
        net = NetlinkHostNetwork.openIn(host);
    }

    @AfterAll
    static void removeLab() {
        try {
            if (net != null) {
                net.close();
            }
        } finally {
            lab.close();
        }
    }

    @Test
    void findsTheNicThatReachesTheIpv4Gateway() {
        ProbeResult r = new GatewayProbe(net, Duration.ofSeconds(10), Duration.ofMillis(500)).select(
                new StaticIpv4(IpAddresses.parseIpv4("10.0.0.2"), IpAddresses.parseIpv4("10.0.0.1"), 24, null), null,
                "mos");
        assertEquals("up0", r.nic().name());
        assertEquals(GW_MAC, r.gatewayMac());
        assertTrue(net.link("up1").orElseThrow().up(), "every candidate was brought up");
    }

    @Test
    void findsOffSubnetGatewayOfAPointToPointConfig() {
        ProbeResult r = new GatewayProbe(net, Duration.ofSeconds(10), Duration.ofMillis(500)).select(
                new StaticIpv4(IpAddresses.parseIpv4("192.0.2.10"), IpAddresses.parseIpv4("172.31.1.1"), 32, null),
                null, "mos");
        assertEquals("up0", r.nic().name());
        assertEquals(GW_MAC, r.gatewayMac());
    }

    @Test
    void findsIpv6GatewayByNeighbourSolicitation() {
        ProbeResult r = new GatewayProbe(net, Duration.ofSeconds(10), Duration.ofMillis(500)).select(null,
                new StaticIpv6(IpAddresses.parseIpv6("2001:db8::10"), 128, IpAddresses.parseIpv6("fe80::1"), null),
                "mos");
        assertEquals("up0", r.nic().name());
        assertEquals(GW_MAC, r.gatewayMac());
    }

    @Test
    void namesEveryNicWhenNobodyAnswers() {
        GatewayUnreachableException e = assertThrows(GatewayUnreachableException.class,
                () -> new GatewayProbe(net, Duration.ofMillis(1500), Duration.ofMillis(500)).select(
                        new StaticIpv4(IpAddresses.parseIpv4("10.0.0.2"), IpAddresses.parseIpv4("10.0.0.77"), 24,
                                null), null, "mos"));
        String m = e.getMessage();
        // The count of requests and the seconds are what a loaded machine managed (3 and 1.5 when it is quiet).
        assertTrue(m.matches("no NIC reached gateway 10\\.0\\.0\\.77 by ARP within [0-9.]+ s; tried .*"), m);
        assertTrue(m.matches(".*up0 \\(no answer to [1-9][0-9]* requests?\\).*")
                && m.matches(".*up1 \\(no answer to [1-9][0-9]* requests?\\).*"), m);
    }
}
