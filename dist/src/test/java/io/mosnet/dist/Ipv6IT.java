package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.lab.Lab;
import io.mosnet.lab.LabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** IPv6 in DHCP mode end to end: SLAAC and DHCPv6 from dnsmasq, prefix delegation from Kea, RDNSS/DNSSL from radvd. */
class Ipv6IT {

    private static void dnsmasqV4(Lab.Standard s, String... extra) {
        String[] base = {"--dhcp-option=option:router," + Lab.GATEWAY4, "--dhcp-option=option:dns-server," + Lab.GATEWAY4};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        s.lab().dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.150,255.255.255.0,2m", all);
    }

    @Test
    void dhcpv6AddressAndSlaacAddressOnTheBridge() throws Exception {
        try (Lab.Standard s = Lab.standard("v6", 1, 1)) {
            dnsmasqV4(s, "--dhcp-range=fd77::100,fd77::1ff,slaac,64,2m", "--enable-ra",
                    "--dhcp-option=option6:dns-server,[fd77::1]");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10")) {
                JsonNode st = DhcpModeIT.await(d, x -> "BOUND".equals(x.path("leases").path("dhcpv6").path("state")
                        .asText()), "a DHCPv6 lease");
                String na = st.path("leases").path("dhcpv6").path("address").asText();
                assertTrue(na.matches("fd77::1[0-9a-f]{2}/128"), na);
                DhcpModeIT.await(d, x -> s.host().ip("-6", "addr", "show", "mos").contains("scope global dynamic"),
                        "a SLAAC address");
                String addrs = s.host().ip("-6", "addr", "show", "mos");
                assertTrue(addrs.contains(na.replace("/128", "/128")), addrs);
                assertTrue(s.host().ip("-6", "route").contains("default via fe80::"), "default route from the RA");
                assertTrue(s.host().ip("-6", "addr", "show", "eth0").isBlank()
                        || !s.host().ip("-6", "addr", "show", "eth0").contains("inet6"), "the uplink has no IPv6 address");
                assertTrue(Files.readString(d.dir.resolve("resolv.conf")).contains("nameserver fd77::1"));
                assertTrue(s.host().exec("ping", "-6", "-c", "1", "-W", "3", Lab.GATEWAY6).ok());
            }
        }
    }

    /**
     * The only DHCPv6 address dnsmasq has is already another host's: the kernel's duplicate address detection fails
     * on the bridge, the lease is declined (dnsmasq logs it) and the address leaves the bridge; once the other host
     * has let it go, the client gets it again and keeps it.
     */
    @Test
    void aDhcpv6AddressThatFailsDuplicateAddressDetectionIsDeclined() throws Exception {
        try (Lab.Standard s = Lab.standard("dad", 1, 1)) {
            io.mosnet.lab.Namespace squatter = s.lab().namespace("sq6");
            s.lab().veth(squatter, "eth0", s.upstream(), "sq0");
            s.upstream().ip("link", "set", "sq0", "master", "br-up");
            squatter.ip("-6", "addr", "add", "fd77::100/64", "dev", "eth0", "nodad");
            LabProcess server = s.lab().dnsmasq(s.upstream(), "br-up", "10.77.0.100,10.77.0.150,255.255.255.0,2m",
                    "--dhcp-option=option:router," + Lab.GATEWAY4, "--dhcp-range=fd77::100,fd77::100,64,2m",
                    "--enable-ra");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10")) {
                JsonNode st = DhcpModeIT.await(d, x -> x.path("problems").toString().contains("declined"),
                        "the DHCPv6 decline");
                assertTrue(st.path("problems").toString()
                        .contains("dhcpv6 lease lost: declined: fd77::100 failed duplicate address detection"),
                        st.path("problems").toString());
                DhcpModeIT.await(d, x -> !s.host().ip("-6", "addr", "show", "mos").contains("fd77::100/128"),
                        "the address off the bridge");
                assertTrue(server.output().contains("DHCPDECLINE"), server.output());

                squatter.ip("-6", "addr", "del", "fd77::100/64", "dev", "eth0");
                DhcpModeIT.await(d, x -> "fd77::100/128".equals(x.path("leases").path("dhcpv6").path("address")
                        .asText()) && x.path("problems").isEmpty(), "the address bound again once free", 90);
                DhcpModeIT.await(d, x -> s.host().ip("-6", "addr", "show", "mos").contains("fd77::100/128")
                        && !s.host().ip("-6", "addr", "show", "mos").contains("dadfailed"), "it passes DAD now");
            }
        }
    }

    @Test
    void keaDelegatesAPrefixThatMosnetPrefixShowsAndThatRenews() throws Exception {
        try (Lab.Standard s = Lab.standard("pd", 1, 1)) {
            dnsmasqV4(s);
            Path conf = s.lab().dir().resolve("kea6.json");
            Path run = Files.createDirectories(s.lab().dir().resolve("kea"));
            Files.writeString(conf, """
                    { "Dhcp6": {
                      "interfaces-config": { "interfaces": [ "br-up" ] },
                      "lease-database": { "type": "memfile", "persist": false },
                      "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "6d6f736e6574",
                                     "persist": false },
                      "renew-timer": 4, "rebind-timer": 7, "preferred-lifetime": 20, "valid-lifetime": 30,
                      "subnet6": [ { "id": 1, "subnet": "fd77::/64", "interface": "br-up",
                         "pools": [ { "pool": "fd77::100-fd77::1ff" } ],
                         "pd-pools": [ { "prefix": "fd00:77:100::", "prefix-len": 48, "delegated-len": 56 } ] } ],
                      "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "stdout" } ],
                                     "severity": "INFO" } ]
                    } }
                    """);
            LabProcess kea = s.lab().start(s.upstream(), "kea-dhcp6", "env", "KEA_PIDFILE_DIR=" + run,
                    "KEA_LOCKFILE_DIR=" + run, "kea-dhcp6", "-c", conf.toString());
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10 mosdhcp6_pd=yes")) {
                JsonNode st = DhcpModeIT.await(d, x -> x.path("delegatedPrefixes").size() > 0,
                        "a delegated prefix (kea: " + kea.output() + ")");
                String prefix = st.path("delegatedPrefixes").get(0).asText();
                assertTrue(prefix.startsWith("fd00:77:1") && prefix.contains("/56"), prefix);
                JsonNode cli = d.cliJson("prefix");
                assertTrue(cli.toString().contains(prefix.split(" ")[0]), cli.toString());
                String obtained = st.path("leases").path("dhcpv6").path("obtainedAt").asText();
                JsonNode renewed = DhcpModeIT.await(d, x -> !x.path("leases").path("dhcpv6").path("obtainedAt").asText()
                        .equals(obtained), "the DHCPv6 renewal at T1 (4 s)");
                assertEquals(prefix, renewed.path("delegatedPrefixes").get(0).asText(), "same prefix after renewal");
            }
        }
    }

    @Test
    void radvdRdnssAndDnsslReachResolvConfAndExpireWhenNoLongerAnnounced() throws Exception {
        try (Lab.Standard s = Lab.standard("ra", 1, 1)) {
            dnsmasqV4(s, "--domain=lab.example");
            s.upstream().sh("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
            Path conf = s.lab().dir().resolve("radvd.conf");
            Files.writeString(conf, """
                    interface br-up {
                      AdvSendAdvert on;
                      MinRtrAdvInterval 3;
                      MaxRtrAdvInterval 4;
                      prefix fd77::/64 { AdvOnLink on; AdvAutonomous on; };
                      RDNSS fd77::53 { AdvRDNSSLifetime 8; };
                      DNSSL ra.example { AdvDNSSLLifetime 8; };
                    };
                    """);
            LabProcess radvd = s.lab().start(s.upstream(), "radvd", "radvd", "-n", "-C", conf.toString(),
                    "-p", s.lab().dir().resolve("radvd.pid").toString(), "-m", "stderr");
            try (RunningDaemon d = RunningDaemon.start(s.lab(), s.host(), "mosdhcp_timeout=10 mosdhcp6=no")) {
                Path resolv = d.dir.resolve("resolv.conf");
                DhcpModeIT.await(d, x -> read(resolv).contains("nameserver fd77::53"),
                        "the RDNSS server in resolv.conf (radvd: " + radvd.output() + ")");
                String text = read(resolv);
                assertTrue(text.contains("nameserver 10.77.0.1"), "DHCP servers stay, listed first: " + text);
                assertTrue(text.indexOf("10.77.0.1") < text.indexOf("fd77::53"), text);
                assertTrue(text.matches("(?s).*search .*ra\\.example.*"), text);

                // radvd killed without a goodbye: the entries expire after their 8 s lifetime.
                radvd.signal("KILL");
                DhcpModeIT.await(d, x -> !read(resolv).contains("fd77::53") && !read(resolv).contains("ra.example"),
                        "the RDNSS/DNSSL entries to expire");
                assertTrue(read(resolv).contains("nameserver 10.77.0.1"));
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
