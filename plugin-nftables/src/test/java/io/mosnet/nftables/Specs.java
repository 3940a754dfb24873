package io.mosnet.nftables;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.PortForward;
import io.mosnet.api.config.PortRule;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.firewall.FirewallRequest;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.plugin.PluginContext;
import java.net.Inet4Address;
import java.util.List;
import java.util.Map;

/** Specs and contexts the tests share, built as the command-line parser would build them. */
final class Specs {

    private Specs() {
    }

    static PortRule tcp(String service, int port) {
        return new PortRule(service, port, TransportProtocol.TCP);
    }

    static PortRule udp(String service, int port) {
        return new PortRule(service, port, TransportProtocol.UDP);
    }

    /** {@code mosfirewall=ssh,http,https,dns,dhcp,8080/tcp,51820/udp}. */
    static FirewallSpec everyService() {
        return new FirewallSpec(FirewallSpec.Policy.DROP, List.of(tcp("ssh", 22), tcp("http", 80), tcp("https", 443),
                udp("dns", 53), tcp("dns", 53), udp("dhcp", 67), udp("dhcp", 68), tcp(null, 8080), udp(null, 51820)));
    }

    /** {@code mosfirewall=ssh,8080/tcp}. */
    static FirewallSpec sshAnd8080() {
        return new FirewallSpec(FirewallSpec.Policy.DROP, List.of(tcp("ssh", 22), tcp(null, 8080)));
    }

    static PortForward forward(int external, String address, int internal, TransportProtocol protocol) {
        return new PortForward(external, IpAddresses.parseIpv4(address), internal, protocol);
    }

    static NatSpec snat(PortForward... forwards) {
        return new NatSpec(NatSpec.Masquerade.DEFAULT_ROUTE, null, List.of(forwards));
    }

    static NatSpec masqueradeOn(String iface, PortForward... forwards) {
        return new NatSpec(NatSpec.Masquerade.INTERFACE, iface, List.of(forwards));
    }

    static FirewallRequest request(FirewallSpec firewall, NatSpec nat, String defaultRouteIface, String uplink) {
        return new FirewallRequest(firewall, nat, defaultRouteIface, "mos", uplink);
    }

    static PluginContext context(HostNetwork network, Map<String, Object> nftablesSettings) {
        MosnetConfig d = MosnetConfig.defaults();
        MosnetConfig config = new MosnetConfig(d.ipv4(), d.ipv6(), d.dhcp(), d.firewall(), d.nat(), d.bridge(),
                d.bridgeName(), d.topology(), d.nics(),
                nftablesSettings.isEmpty() ? Map.of() : Map.of(NftablesFirewall.ID, nftablesSettings));
        PluginContext context = mock(PluginContext.class);
        when(context.config()).thenReturn(config);
        when(context.network()).thenReturn(network);
        return context;
    }
}
