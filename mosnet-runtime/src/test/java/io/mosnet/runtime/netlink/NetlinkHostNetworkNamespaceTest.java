package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.net.Route;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Root test: each case works in a namespace of its own and compares what the handle sees with iproute2. */
class NetlinkHostNetworkNamespaceTest {

    private Lab lab;
    private String ns;
    private NetlinkHostNetwork net;

    @BeforeEach
    void setUp() {
        lab = new Lab();
        ns = lab.namespace();
        net = NetlinkHostNetwork.openIn(ns);
    }

    @AfterEach
    void tearDown() {
        try {
            net.close();
        } finally {
            lab.close();
        }
    }

    @Test
    void createsBridgeAndEnslavesVeth() {
        Link br = net.createBridge("mos");
        assertEquals("bridge", br.kind());
        lab.ip(ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        net.setMaster("v0", "mos");
        net.setUp("mos", true);
        net.setUp("v0", true);
        net.setMtu("v0", 1400);
        net.setMac("mos", MacAddress.parse("02:00:00:00:aa:01"));

        Link v0 = net.link("v0").orElseThrow();
        assertEquals(br.index(), v0.masterIndex());
        assertEquals("veth", v0.kind());
        assertTrue(v0.up());
        assertEquals(1400, v0.mtu());
        assertEquals(MacAddress.parse("02:00:00:00:aa:01"), net.link("mos").orElseThrow().mac());
        assertEquals(v0, net.link(v0.index()).orElseThrow());
        String shown = lab.ip(ns, "-o", "link", "show", "v0");
        assertTrue(shown.contains("master mos") && shown.contains("mtu 1400"), shown);

        net.setMaster("v0", null);
        assertEquals(0, net.link("v0").orElseThrow().masterIndex());
        net.deleteLink("v0");
        assertTrue(net.link("v0").isEmpty());
        assertTrue(net.link("v1").isEmpty(), "deleting one end of a veth removes its peer");
    }

    /**
     * This kernel has no bridge VLAN filtering (../shared/LAB.md): reading the flag and the (empty) VLAN dump works,
     * and a request to filter is refused with the kernel's own answer in the message.
     */
    @Test
    void readsBridgeVlanStateAndReportsTheKernelRefusingFiltering() {
        net.createBridge("mos");
        lab.ip(ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        net.setMaster("v0", "mos");
        assertFalse(net.bridgeVlanFiltering("mos"));
        String shown = lab.ip(ns, "-d", "link", "show", "mos");
        assertTrue(shown.contains("vlan_filtering 0"), shown);
        assertTrue(net.bridgeVlans().isEmpty(), net.bridgeVlans().toString());
        NetworkException e = assertThrows(NetworkException.class, () -> net.setBridgeVlanFiltering("mos", true));
        assertEquals(95, e.errno(), e.getMessage());
        assertTrue(e.getMessage().startsWith("RTM_NEWLINK mos type bridge vlan_filtering 1: "), e.getMessage());
        NetworkException tag = assertThrows(NetworkException.class, () -> net.addBridgeVlan("v0", 4000, false, false));
        assertTrue(tag.getMessage().startsWith("RTM_SETLINK bridge vlan add dev v0 vid 4000: "), tag.getMessage());
        NetworkException self = assertThrows(NetworkException.class, () -> net.addBridgeVlan("mos", 4000, true, true));
        assertTrue(self.getMessage().startsWith("RTM_SETLINK bridge vlan add dev mos vid 4000 pvid untagged self: "),
                self.getMessage());
    }

    @Test
    void listsLinksLikeIp() {
        net.createBridge("mos");
        List<String> names = net.links().stream().map(Link::name).sorted().toList();
        assertEquals(List.of("lo", "mos"), names);
        assertTrue(net.link("nonexistent0").isEmpty());
    }

    @Test
    void addingAnAddressTwiceSaysFileExists() {
        net.createBridge("mos");
        IpNetwork a = IpNetwork.parse("10.0.0.1/24");
        net.addAddress("mos", a, Set.of());
        NetworkException e = assertThrows(NetworkException.class, () -> net.addAddress("mos", a, Set.of()));
        assertTrue(e.alreadyExists());
        assertTrue(e.getMessage().startsWith("RTM_NEWADDR 10.0.0.1/24 dev mos: File exists"), e.getMessage());
        assertTrue(lab.ip(ns, "-o", "addr", "show", "dev", "mos").contains("inet 10.0.0.1/24 brd 10.0.0.255"));
    }

    @Test
    void addsReplacesAndDeletesAddressesOfBothFamilies() {
        Link br = net.createBridge("mos");
        net.addAddress("mos", IpNetwork.parse("2001:db8::5/64"), EnumSet.of(Address.AddressFlag.NODAD,
                Address.AddressFlag.NOPREFIXROUTE));
        net.replaceAddress("mos", IpNetwork.parse("10.1.0.5/16"), Set.of(), 600, 300);

        List<Address> got = net.addresses(br.index());
        Address v6 = got.stream().filter(x -> x.network().isIpv6()).findFirst().orElseThrow();
        assertEquals(IpNetwork.parse("2001:db8::5/64"), v6.network());
        assertTrue(v6.flags().containsAll(Set.of(Address.AddressFlag.NODAD, Address.AddressFlag.NOPREFIXROUTE)),
                v6.flags().toString());
        assertEquals(Address.FOREVER, v6.validLifetimeSeconds());
        Address v4 = got.stream().filter(x -> !x.network().isIpv6()).findFirst().orElseThrow();
        assertTrue(v4.validLifetimeSeconds() <= 600 && v4.validLifetimeSeconds() > 590, v4.toString());
        assertTrue(v4.preferredLifetimeSeconds() <= 300 && v4.preferredLifetimeSeconds() > 290, v4.toString());
        String shown = lab.ip(ns, "-6", "-o", "addr", "show", "dev", "mos");
        assertTrue(shown.contains("nodad") && shown.contains("noprefixroute"), shown);

        net.replaceAddress("mos", IpNetwork.parse("10.1.0.5/16"), Set.of(), Address.FOREVER, Address.FOREVER);
        assertEquals(Address.FOREVER, net.addresses(br.index()).stream().filter(x -> !x.network().isIpv6())
                .findFirst().orElseThrow().validLifetimeSeconds());

        net.deleteAddress("mos", IpNetwork.parse("10.1.0.5/16"));
        net.deleteAddress("mos", IpNetwork.parse("2001:db8::5/64"));
        assertTrue(net.addresses(br.index()).stream().noneMatch(x -> x.scope() == Address.Scope.UNIVERSE));
        NetworkException e = assertThrows(NetworkException.class,
                () -> net.deleteAddress("mos", IpNetwork.parse("10.1.0.5/16")));
        assertTrue(e.getMessage().startsWith("RTM_DELADDR 10.1.0.5/16 dev mos: "), e.getMessage());
    }

    @Test
    void pointToPointRoutesWithOnlinkMetricAndTable() {
        Link br = net.createBridge("mos");
        net.setUp("mos", true);
        net.addAddress("mos", IpNetwork.parse("192.0.2.10/32"), Set.of());
        var gw = IpAddresses.parse("172.31.1.1");
        net.addRoute(Route.hostRoute(gw, br.index()));
        net.addRoute(Route.defaultVia(gw, br.index(), false).withMetric(100));
        net.addRoute(new Route(IpNetwork.parse("198.51.100.0/24"), IpAddresses.parse("203.0.113.1"), br.index(), 0,
                Route.Scope.UNIVERSE, Route.Protocol.BOOT, true, 1000));
        net.addAddress("mos", IpNetwork.parse("2001:db8::10/128"), Set.of(Address.AddressFlag.NODAD));
        net.addRoute(Route.defaultVia(IpAddresses.parse("fe80::1"), br.index(), false));

        String v4 = lab.ip(ns, "route", "show", "table", "all", "dev", "mos");
        assertTrue(v4.contains("default via 172.31.1.1 proto static metric 100"), v4);
        assertTrue(v4.contains("172.31.1.1 proto static scope link"), v4);
        assertTrue(v4.contains("198.51.100.0/24 via 203.0.113.1 table 1000 onlink"), v4);
        assertTrue(lab.ip(ns, "-6", "route", "show", "dev", "mos").contains("default via fe80::1 proto static"));

        List<Route> routes = net.routes();
        Route onlink = routes.stream().filter(r -> r.table() == 1000).findFirst().orElseThrow();
        assertTrue(onlink.onlink());
        assertEquals(Route.Protocol.BOOT, onlink.protocol());
        assertEquals(IpNetwork.parse("198.51.100.0/24"), onlink.destination());
        Route def4 = routes.stream().filter(r -> r.isDefault() && !r.destination().isIpv6()).findFirst()
                .orElseThrow();
        assertEquals(100, def4.metric());
        assertEquals(gw, def4.gateway());
        assertTrue(routes.stream().anyMatch(r -> r.isDefault() && r.destination().isIpv6()
                && r.gateway().equals(IpAddresses.parse("fe80::1"))));
        assertTrue(routes.stream().noneMatch(r -> r.table() == 255), "local-table entries are not unicast");

        NetworkException dup = assertThrows(NetworkException.class,
                () -> net.addRoute(Route.defaultVia(gw, br.index(), false).withMetric(100)));
        assertTrue(dup.getMessage().startsWith("RTM_NEWROUTE default via 172.31.1.1 dev mos metric 100: File exists"),
                dup.getMessage());
        net.replaceRoute(Route.defaultVia(gw, br.index(), true).withMetric(100));
        assertTrue(lab.ip(ns, "route", "show", "default").contains("onlink"));
        net.deleteRoute(Route.defaultVia(gw, br.index(), true).withMetric(100));
        assertFalse(lab.ip(ns, "route", "show", "default").contains("172.31.1.1"));
        assertEquals(IpAddresses.parse("192.0.2.10"), net.sourceFor(IpAddresses.parse("172.31.1.1")).orElseThrow());
        assertTrue(net.sourceFor(IpAddresses.parse("8.8.8.8")).isEmpty());
    }

    @Test
    void listsNeighbours() {
        Link br = net.createBridge("mos");
        net.setUp("mos", true);
        lab.ip(ns, "neigh", "add", "10.0.0.9", "lladdr", "02:00:00:00:00:09", "dev", "mos", "nud", "permanent");
        var n = net.neighbours().stream().filter(x -> x.address().equals(IpAddresses.parse("10.0.0.9")))
                .findFirst().orElseThrow();
        assertEquals(br.index(), n.linkIndex());
        assertEquals(MacAddress.parse("02:00:00:00:00:09"), n.mac());
        assertEquals("permanent", n.state());
    }

    @Test
    void sysctlWritesStayInTheNamespace() {
        net.createBridge("mos");
        assertEquals("0", net.sysctl("net.ipv4.conf.mos.proxy_arp").orElseThrow());
        net.setSysctl("net.ipv4.conf.mos.proxy_arp", "1");
        assertEquals("1", net.sysctl("net.ipv4.conf.mos.proxy_arp").orElseThrow());
        assertEquals("1", net.sysctl("net/ipv4/conf/mos/proxy_arp").orElseThrow());
        assertEquals("1\n", lab.exec(ns, "cat", "/proc/sys/net/ipv4/conf/mos/proxy_arp"));
        assertTrue(net.sysctl("net.ipv4.conf.nonexistent0.proxy_arp").isEmpty());
        NetworkException e = assertThrows(NetworkException.class,
                () -> net.setSysctl("net.ipv4.conf.mos.proxy_arp", "banana"));
        assertEquals(22, e.errno(), e.getMessage());
        // ip_forward exists in every namespace; the test JVM's own (root) namespace keeps its value.
        try (NetlinkHostNetwork root = NetlinkHostNetwork.open()) {
            String before = root.sysctl("net.ipv4.ip_forward").orElseThrow();
            String flipped = before.equals("1") ? "0" : "1";
            net.setSysctl("net.ipv4.ip_forward", flipped);
            assertEquals(flipped, lab.exec(ns, "cat", "/proc/sys/net/ipv4/ip_forward").strip());
            assertEquals(before, root.sysctl("net.ipv4.ip_forward").orElseThrow());
        }
    }
}
