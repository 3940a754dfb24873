package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.net.Address;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Root test: the dumps of a populated namespace say what {@code ip -j} says about it. */
class DumpMatchesIpJsonNamespaceTest {

    private final ObjectMapper json = new ObjectMapper();
    private Lab lab;
    private String ns;
    private NetlinkHostNetwork net;

    @BeforeEach
    void populate() {
        lab = new Lab();
        ns = lab.namespace();
        lab.ip(ns, "link", "add", "mos", "type", "bridge");
        lab.ip(ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        lab.ip(ns, "link", "set", "v0", "master", "mos");
        lab.ip(ns, "link", "set", "v1", "mtu", "9000");
        for (String l : new String[] {"mos", "v0", "v1"}) {
            lab.ip(ns, "link", "set", l, "up");
        }
        lab.ip(ns, "addr", "add", "10.0.0.1/24", "dev", "mos");
        lab.ip(ns, "addr", "add", "10.0.1.1/24", "dev", "v1");
        lab.ip(ns, "addr", "add", "2001:db8::1/64", "dev", "mos", "nodad");
        lab.ip(ns, "route", "add", "default", "via", "10.0.0.254", "dev", "mos", "metric", "50");
        lab.ip(ns, "route", "add", "203.0.113.0/24", "via", "10.0.1.254", "table", "100");
        lab.ip(ns, "-6", "route", "add", "default", "via", "fe80::1", "dev", "mos");
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

    private JsonNode ipJson(String... args) throws Exception {
        String[] full = new String[args.length + 1];
        full[0] = "-j";
        System.arraycopy(args, 0, full, 1, args.length);
        return json.readTree(lab.ip(ns, full));
    }

    @Test
    void linksMatch() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (JsonNode l : ipJson("-d", "link", "show")) {
            String kind = l.path("linkinfo").path("info_kind").asText("");
            expected.add(l.get("ifindex").asInt() + " " + l.get("ifname").asText() + " " + kind + " "
                    + l.get("mtu").asInt() + " " + l.path("address").asText() + " "
                    + l.get("flags").toString().contains("\"UP\""));
        }
        Set<String> actual = net.links().stream().map(l -> l.index() + " " + l.name() + " " + l.kind() + " "
                + l.mtu() + " " + l.mac() + " " + l.up()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        Link v0 = net.link("v0").orElseThrow();
        assertEquals(net.link("mos").orElseThrow().index(), v0.masterIndex());
    }

    @Test
    void addressesMatch() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (JsonNode l : ipJson("addr", "show")) {
            for (JsonNode a : l.get("addr_info")) {
                expected.add(l.get("ifindex").asInt() + " "
                        + IpNetwork.of(IpAddresses.parse(a.get("local").asText()), a.get("prefixlen").asInt()) + " "
                        + a.get("scope").asText());
            }
        }
        Set<String> actual = net.addresses().stream().map(a -> a.linkIndex() + " " + a.network() + " "
                + scopeWord(a.scope())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
    }

    private static String scopeWord(Address.Scope s) {
        return s == Address.Scope.UNIVERSE ? "global" : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void unicastRoutesMatch() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String family : new String[] {"-4", "-6"}) {
            for (JsonNode r : ipJson(family, "route", "show", "table", "all")) {
                if (r.has("type") && !r.get("type").asText().equals("unicast")) {
                    continue;
                }
                String dst = r.get("dst").asText();
                IpNetwork d = dst.equals("default") ? IpNetwork.defaultRoute(family.equals("-6"))
                        : IpNetwork.parse(dst);
                String table = r.path("table").asText("main");
                expected.add(d + " " + (r.has("gateway") ? r.get("gateway").asText() : "-") + " "
                        + r.get("dev").asText() + " " + r.path("metric").asInt(0) + " "
                        + (table.equals("main") ? "254" : table));
            }
        }
        Set<String> actual = net.routes().stream().map(r -> r.destination().masked() + " "
                + (r.gateway() == null ? "-" : IpAddresses.format(r.gateway())) + " "
                + net.link(r.linkIndex()).map(Link::name).orElse("?") + " " + r.metric() + " " + r.table())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        assertEquals(50, net.routes().stream().filter(Route::isDefault).filter(r -> !r.destination().isIpv6())
                .findFirst().orElseThrow().metric());
    }
}
