package io.mosnet.runtime.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResolvConfTest {

    static List<InetAddress> ips(String... literals) {
        return java.util.Arrays.stream(literals).map(IpAddresses::parse).toList();
    }

    @Test
    void mergesSourcesInOrderWithoutDuplicates() {
        ResolvConf conf = ResolvConf.merge(List.of(
                new DnsSource("dhcpv4", ips("10.0.0.1", "10.0.0.2"), List.of("lab.example", "example")),
                new DnsSource("dhcpv6", ips("2001:db8::53", "10.0.0.1"), List.of("LAB.example.")),
                new DnsSource("rdnss", ips("2001:db8::54"), List.of("v6.example"))));
        assertEquals(ips("10.0.0.1", "10.0.0.2", "2001:db8::53"), conf.nameservers());
        assertEquals(List.of("lab.example", "example", "v6.example"), conf.searchDomains());
    }

    @Test
    void capsNameserversAtGlibcMaxns() {
        ResolvConf conf = ResolvConf.merge(List.of(
                new DnsSource("dhcpv4", ips("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"), List.of())));
        assertEquals(3, conf.nameservers().size());
    }

    @Test
    void dropsUnspecifiedServerAndUnsafeDomains() {
        ResolvConf conf = ResolvConf.merge(List.of(
                new DnsSource("dhcpv4", ips("0.0.0.0", "10.0.0.1"), List.of("a b", "x#y", "", "ok."))));
        assertEquals(ips("10.0.0.1"), conf.nameservers());
        assertEquals(List.of("ok"), conf.searchDomains());
    }

    @Test
    void capsSearchListAtSixDomainsAnd256Chars() {
        List<String> many = IntStream.range(0, 10).mapToObj(i -> "d" + i + ".example").toList();
        assertEquals(6, ResolvConf.merge(List.of(new DnsSource("x", List.of(), many))).searchDomains().size());
        String longName = "a".repeat(100) + ".example";
        List<String> longs = List.of(longName + "1", longName + "2", longName + "3");
        ResolvConf conf = ResolvConf.merge(List.of(new DnsSource("x", List.of(), longs)));
        assertEquals(2, conf.searchDomains().size());
        assertTrue(String.join(" ", conf.searchDomains()).length() <= ResolvConf.MAX_SEARCH_CHARS);
    }

    @Test
    void rendersHeaderServersAndSearch() {
        ResolvConf conf = new ResolvConf(ips("10.0.0.1", "2001:db8::53"), List.of("lab", "example"));
        assertEquals(ResolvConf.HEADER + "nameserver 10.0.0.1\nnameserver 2001:db8::53\nsearch lab example\n",
                conf.render());
        assertTrue(ResolvConf.HEADER.contains("mosnet"));
    }

    @Test
    void rendersNoSearchLineWithoutDomains() {
        assertEquals(ResolvConf.HEADER + "nameserver 10.0.0.1\n",
                new ResolvConf(ips("10.0.0.1"), List.of()).render());
    }

    @Test
    void parsesWhatItRendersAndForeignFiles() {
        ResolvConf conf = new ResolvConf(ips("10.0.0.1", "2001:db8::53"), List.of("lab"));
        assertEquals(conf, ResolvConf.parse(conf.render()));
        ResolvConf foreign = ResolvConf.parse("""
                # comment
                ; other comment
                domain first
                nameserver 192.0.2.1 # trailing
                nameserver not-an-ip
                options ndots:2
                search a.example b.example
                """);
        assertEquals(ips("192.0.2.1"), foreign.nameservers());
        assertEquals(List.of("a.example", "b.example"), foreign.searchDomains());
    }
}
