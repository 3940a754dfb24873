package io.mosnet.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.TransportProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private static MosnetConfig parse(String cmdline) {
        return ConfigParser.parse(ConfigLoader.fromCmdline(cmdline, new ArrayList<>()), Map.of());
    }

    private static List<String> problems(String cmdline) {
        return assertThrows(ConfigException.class, () -> parse(cmdline)).problems();
    }

    @Test
    void noStaticAddressMeansDhcpModeWithDefaults() {
        MosnetConfig c = parse("BOOT_IMAGE=/vmlinuz root=/dev/sda1 quiet");
        assertEquals(Mode.DHCP, c.mode());
        assertEquals(Duration.ofSeconds(10), c.dhcp().timeout());
        assertTrue(c.dhcp().preferPrivate());
        assertEquals(FirewallSpec.Policy.ABSENT, c.firewall().policy());
        assertEquals(NatSpec.Masquerade.ABSENT, c.nat().masquerade());
        assertNull(c.bridge());
        assertEquals("mos", c.bridgeName());
    }

    @Test
    void parsesStaticIpv4WithNetmaskAndDevice() {
        MosnetConfig c = parse("mosip4=192.168.1.10,192.168.1.1,255.255.255.0,enp3s0");
        assertEquals(Mode.STATIC, c.mode());
        assertEquals("192.168.1.10/24", c.ipv4().network().toString());
        assertEquals("192.168.1.1", c.ipv4().gateway().getHostAddress());
        assertEquals("enp3s0", c.ipv4().device());
        assertFalse(c.ipv4().gatewayOffSubnet());
    }

    @Test
    void hetznerPointToPointIsOffSubnet() {
        MosnetConfig c = parse("mosip4=136.243.10.20,136.243.10.1,255.255.255.255 mosip6=2a01:4f8:c17:1234::1/128,fe80::1");
        assertEquals(32, c.ipv4().prefixLength());
        assertTrue(c.ipv4().gatewayOffSubnet());
        assertEquals(128, c.ipv6().prefixLength());
        assertEquals("fe80:0:0:0:0:0:0:1", c.ipv6().gateway().getHostAddress());
        assertNull(c.ipv6().device());
    }

    @Test
    void ipv6OnlyIsStaticMode() {
        assertEquals(Mode.STATIC, parse("mosip6=2001:db8::1/64,2001:db8::ffff").mode());
    }

    @Test
    void rejectsBadIpv4AddressNamingParameterAndValue() {
        assertEquals(List.of("mosip4: '10.0.0.300' is not an IPv4 address"),
                problems("mosip4=10.0.0.300,10.0.0.1,255.255.255.0"));
    }

    @Test
    void rejectsNonContiguousNetmask() {
        assertEquals(List.of("mosip4: '255.0.255.0' is not a netmask (its one bits are not contiguous)"),
                problems("mosip4=10.0.0.3,10.0.0.1,255.0.255.0"));
    }

    @Test
    void acceptsPrefixLengthAsNetmask() {
        assertEquals(24, parse("mosip4=10.0.0.3,10.0.0.1,24").ipv4().prefixLength());
    }

    @Test
    void rejectsIpv6WithoutPrefix() {
        assertTrue(problems("mosip6=2001:db8::1,fe80::1").get(0).startsWith("mosip6: '2001:db8::1' has no prefix length"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> p = problems("mosip4=1.2.3,1.1.1.1,255.255.255.0 mosdhcp_timeout=abc mosfirewall=ssh,telnet "
                + "mosnat=snat,8080:10.0.0.5:80/sctp mosbridge=Open_vSwitch!");
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.contains("mosip4: '1.2.3' is not an IPv4 address"));
        assertTrue(p.contains("mosdhcp_timeout: 'abc' is not a whole number of seconds 1-3600"));
        assertTrue(p.get(2).startsWith("mosfirewall: 'telnet' is not a known service, expected one of ssh, http"));
        assertTrue(p.contains("mosnat: 'sctp' is not a protocol, expected tcp or udp"));
        assertTrue(p.get(4).startsWith("mosbridge: 'Open_vSwitch!' is not a plugin id"));
    }

    @Test
    void parsesFirewallServicesAndCustomPorts() {
        FirewallSpec f = parse("mosfirewall=ssh,dns,8080/tcp,51820/udp").firewall();
        assertEquals(FirewallSpec.Policy.DROP, f.policy());
        assertEquals(List.of("22/tcp", "53/udp", "53/tcp", "8080/tcp", "51820/udp"),
                f.rules().stream().map(Object::toString).toList());
        assertEquals("ssh", f.rules().get(0).service());
    }

    @Test
    void firewallNoneAndPermissive() {
        assertEquals(FirewallSpec.Policy.NONE, parse("mosfirewall=none").firewall().policy());
        assertEquals(FirewallSpec.Policy.PERMISSIVE, parse("mosfirewall=permissive").firewall().policy());
    }

    @Test
    void rejectsBadFirewallSpecs() {
        assertEquals(List.of("mosfirewall: '0' is not a port 1-65535"), problems("mosfirewall=0/tcp"));
        assertEquals(List.of("mosfirewall: '65536' is not a port 1-65535"), problems("mosfirewall=65536/udp"));
        assertEquals(List.of("mosfirewall: 'icmp' is not a protocol, expected tcp or udp"), problems("mosfirewall=22/icmp"));
        assertTrue(problems("mosfirewall=ssh,,http").get(0).contains("has an empty item"));
        assertTrue(problems("mosfirewall=none,ssh").get(0).contains("'none' stands alone"));
    }

    @Test
    void parsesNatWithPortForwards() {
        NatSpec n = parse("mosnat=snat,8080:192.168.1.100:80/tcp,53:192.168.1.53:53/udp").nat();
        assertEquals(NatSpec.Masquerade.DEFAULT_ROUTE, n.masquerade());
        assertEquals(2, n.forwards().size());
        assertEquals("8080:192.168.1.100:80/tcp", n.forwards().get(0).toString());
        assertEquals(TransportProtocol.UDP, n.forwards().get(1).protocol());
        NatSpec iface = parse("mosnat=eth0").nat();
        assertEquals(NatSpec.Masquerade.INTERFACE, iface.masquerade());
        assertEquals("eth0", iface.iface());
        assertEquals(NatSpec.Masquerade.NONE, parse("mosnat=none").nat().masquerade());
    }

    @Test
    void rejectsMalformedPortForward() {
        assertTrue(problems("mosnat=snat,8080-10.0.0.1-80").get(0).startsWith("mosnat: '8080-10.0.0.1-80' is not a port forward"));
    }

    @Test
    void dhcpSettings() {
        MosnetConfig c = parse("mosdhcp_timeout=30 mosdhcp_prefer_private=no mosdhcp6_pd=assign mosdhcp_hostname=node-1.lab");
        assertEquals(Duration.ofSeconds(30), c.dhcp().timeout());
        assertFalse(c.dhcp().preferPrivate());
        assertTrue(c.dhcp().prefixDelegation());
        assertTrue(c.dhcp().assignDelegatedPrefix());
        assertEquals("node-1.lab", c.dhcp().hostname());
        assertTrue(problems("mosdhcp_prefer_private=maybe").get(0).equals("mosdhcp_prefer_private: 'maybe' is not yes or no"));
        assertTrue(problems("mosdhcp_hostname=a;reboot").get(0).startsWith("mosdhcp_hostname: 'a;reboot' is not a hostname"));
    }

    @Test
    void rejectsBadInterfaceName() {
        assertEquals(List.of("mosip4: 'eth0/1' is not an interface name (1-15 characters without '/', ':' or spaces)"),
                problems("mosip4=10.0.0.2,10.0.0.1,24,eth0/1"));
    }

    @Test
    void bridgeBackendIsLowerCased() {
        assertEquals("ovs", parse("mosbridge=OVS").bridge());
    }
}
