package io.mosnet.nftables;

import static io.mosnet.nftables.NamespaceSockets.connects;
import static io.mosnet.nftables.NamespaceSockets.listen;
import static io.mosnet.nftables.Specs.context;
import static io.mosnet.nftables.Specs.forward;
import static io.mosnet.nftables.Specs.masqueradeOn;
import static io.mosnet.nftables.Specs.request;
import static io.mosnet.nftables.Specs.snat;
import static io.mosnet.nftables.Specs.sshAnd8080;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.firewall.FirewallRequest;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.lab.Lab;
import io.mosnet.lab.Namespace;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The kernel's nftables, through libnftables, with real traffic between namespaces made for this run:
 *
 * <pre>
 *   upstream u0 10.1.0.1/24 ---- h0 10.1.0.2/24  host  h1 10.9.0.1/24 ---- v0 10.9.0.2/24 vm
 *            fd00:1::1/64          fd00:1::2/64   (default via 10.1.0.1)      (default via 10.9.0.1)
 * </pre>
 * upstream has no route to 10.9.0.0/24, so the VM reaches it only through the host's masquerade, and upstream
 * reaches the VM only through the port forward. The firewall runs as {@link NftablesFirewall#inNamespace}; its
 * context's host network turns sysctl calls into {@code sysctl} inside the host namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NftablesNamespaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lab lab;
    private Namespace up;
    private Namespace host;
    private Namespace vm;
    private NftablesFirewall firewall;
    private final HostNetwork network = mock(HostNetwork.class);
    private PluginContext context;

    @BeforeAll
    void topology() {
        lab = Lab.create("mt");
        up = lab.namespace("up");
        host = lab.namespace("host");
        vm = lab.namespace("vm");
        lab.veth(up, "u0", host, "h0");
        lab.veth(host, "h1", vm, "v0");
        up.ip("addr", "add", "10.1.0.1/24", "dev", "u0");
        up.ip("addr", "add", "fd00:1::1/64", "dev", "u0", "nodad");
        host.ip("addr", "add", "10.1.0.2/24", "dev", "h0");
        host.ip("addr", "add", "fd00:1::2/64", "dev", "h0", "nodad");
        host.ip("addr", "add", "10.9.0.1/24", "dev", "h1");
        vm.ip("addr", "add", "10.9.0.2/24", "dev", "v0");
        host.sh("ip", "route", "add", "default", "via", "10.1.0.1");
        vm.sh("ip", "route", "add", "default", "via", "10.9.0.1");

        when(network.sysctl(anyString())).thenAnswer(
                call -> Optional.of(host.sh("sysctl", "-n", call.getArgument(0, String.class))));
        doAnswer(call -> host.sh("sysctl", "-w",
                call.getArgument(0, String.class) + "=" + call.getArgument(1, String.class)))
                .when(network).setSysctl(anyString(), anyString());
        context = context(network, Map.of());
        firewall = NftablesFirewall.inNamespace(host.name());
    }

    @AfterAll
    void removeNamespaces() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void emptyRuleset() {
        host.sh("nft", "flush", "ruleset");
        host.sh("sysctl", "-w", "net.ipv4.ip_forward=0");
        clearInvocations(network);
    }

    @Test
    @SuppressWarnings("try") // listeners that only have to exist for the kernel to complete handshakes
    void opensSshAnd8080DropsOtherPortsAndLetsPingThrough() throws Exception {
        try (ServerSocket ssh = listen(host, 22); ServerSocket web = listen(host, 8080);
             ServerSocket telnet = listen(host, 23)) {
            assertTrue(connects(up, "10.1.0.2", 23, 2000), "port 23 must be reachable without the firewall");

            firewall.apply(request(sshAnd8080(), NatSpec.absent(), "h0", "h0"), context);

            assertTrue(connects(up, "10.1.0.2", 22, 2000), "ssh");
            assertTrue(connects(up, "10.1.0.2", 8080, 2000), "8080/tcp");
            assertFalse(connects(up, "10.1.0.2", 23, 1500), "port 23 must be dropped");
            assertEquals(0, up.exec("ping", "-c1", "-W2", "10.1.0.2").status(), "ping");
            // Needs neighbour solicitations and advertisements through the input chain.
            assertEquals(0, up.exec("ping", "-6", "-c1", "-W2", "fd00:1::2").status(), "ping -6");
        }

        JsonNode input = chain(ruleset(), "inet", "mosnet", "input");
        assertEquals("drop", input.path("policy").asText());

        FirewallReport report = firewall.report(context);
        assertEquals(List.of("inet mosnet"), names(report));
        FirewallReport.Rule ssh = report.tables().get(0).chains().get(0).rules().stream()
                .filter(r -> r.text().startsWith("tcp dport 22 ")).findFirst().orElseThrow();
        assertTrue(ssh.packets() >= 1, "ssh rule counted " + ssh);
        assertTrue(ssh.text().endsWith("accept comment \"ssh\""), ssh.text());
    }

    @Test
    @SuppressWarnings("try") // listeners that only have to exist for the kernel to complete handshakes
    void portForwardReachesTheVmAndTheVmLeavesWithTheHostsAddress() throws Exception {
        firewall.apply(request(sshAnd8080(), snat(forward(8080, "10.9.0.2", 80, TransportProtocol.TCP)), "h0", "h0"),
                context);

        verify(network).setSysctl("net.ipv4.ip_forward", "1");
        assertEquals("1", host.sh("sysctl", "-n", "net.ipv4.ip_forward").strip());
        try (ServerSocket vmWeb = listen(vm, 80); ServerSocket hostWeb = listen(host, 8080)) {
            assertTrue(connects(up, "10.1.0.2", 8080, 2000), "port forward 8080");
            try (Socket accepted = vmWeb.accept()) {
                assertEquals("10.1.0.1", peer(accepted), "DNAT keeps the client's address");
            }
        }
        try (ServerSocket vmWeb = listen(vm, 80); ServerSocket hostWeb = listen(host, 8080)) {
            // The host's own connection to its address takes the forward too; loopback does not.
            assertTrue(connects(host, "10.1.0.2", 8080, 2000), "port forward from the host itself");
            try (Socket accepted = vmWeb.accept()) {
                assertEquals("10.1.0.2", peer(accepted), "from the address the host connected to");
            }
            assertTrue(connects(host, "127.0.0.1", 8080, 2000), "loopback reaches the host's own port");
            try (Socket accepted = hostWeb.accept()) {
                assertEquals("127.0.0.1", peer(accepted));
            }
        }
        try (ServerSocket upstream = listen(up, 9000)) {
            assertTrue(connects(vm, "10.1.0.1", 9000, 2000), "vm to upstream");
            try (Socket accepted = upstream.accept()) {
                assertEquals("10.1.0.2", peer(accepted), "masquerade gives the host's address");
            }
        }
        FirewallReport report = firewall.report(context);
        assertEquals(List.of("inet mosnet", "ip mosnet-nat"), names(report));
        FirewallReport.Rule dnat = report.tables().get(1).chains().get(0).rules().get(0);
        assertEquals(1, dnat.packets(), dnat.text());
    }

    @Test
    void dhcpv6RepliesToTheLinkLocalAddressPassOtherUdpTo546DoesNot() throws Exception {
        // A DHCPv6 server answers the client's multicast SOLICIT by unicast to its link-local address, from its own:
        // nothing conntrack could pair with the request.
        host.sh("ip", "addr", "add", "fe80::2/64", "dev", "h0", "nodad");
        up.sh("ip", "addr", "add", "fe80::1/64", "dev", "u0", "nodad");
        firewall.apply(request(sshAnd8080(), NatSpec.absent(), "h0", "h0"), context);
        try (java.net.DatagramSocket client = NamespaceSockets.inNamespace(host, () -> {
            java.net.DatagramSocket s = new java.net.DatagramSocket(null);
            s.bind(new InetSocketAddress(java.net.InetAddress.getByName("::"), 546));
            s.setSoTimeout(2000);
            return s;
        })) {
            int u0 = Integer.parseInt(up.sh("cat", "/sys/class/net/u0/ifindex").strip());
            assertTrue(sendsTo(client, "fe80::2%" + u0), "a reply to the link-local address");
            assertFalse(sendsTo(client, "fd00:1::2"), "port 546 of a global address stays closed");
        } finally {
            host.sh("ip", "addr", "del", "fe80::2/64", "dev", "h0");
            up.sh("ip", "addr", "del", "fe80::1/64", "dev", "u0");
        }
    }

    /** Sends a datagram from {@code up}'s port 547 to {@code address}:546; true when {@code client} received it. */
    private boolean sendsTo(java.net.DatagramSocket client, String address) throws Exception {
        NamespaceSockets.inNamespace(up, () -> {
            try (java.net.DatagramSocket server = new java.net.DatagramSocket(null)) {
                server.bind(new InetSocketAddress(java.net.InetAddress.getByName("::"), 547));
                byte[] reply = "ADVERTISE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                server.send(new java.net.DatagramPacket(reply, reply.length,
                        new InetSocketAddress(java.net.InetAddress.getByName(address), 546)));
            }
            return null;
        });
        try {
            client.receive(new java.net.DatagramPacket(new byte[64], 64));
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void reapplyingLeavesOneCopyOfEachTable() {
        FirewallRequest request = request(sshAnd8080(), masqueradeOn("h0"), "h0", "h0");
        firewall.apply(request, context);
        firewall.apply(request, context);

        JsonNode ruleset = ruleset();
        assertEquals(List.of("inet mosnet", "ip mosnet-nat"), tables(ruleset));
        // lo, established/related, invalid, icmp, icmpv6, 22, 8080
        assertEquals(8, rules(ruleset, "inet", "mosnet", "input"));
        assertEquals(1, rules(ruleset, "ip", "mosnet-nat", "postrouting"));
    }

    @Test
    @SuppressWarnings("try") // a listener that only has to exist for the kernel to complete the handshake
    void aNatTableThatFollowsTheDefaultRouteLeavesTheFiltersCountersAlone() throws Exception {
        firewall.apply(request(sshAnd8080(), snat(), "h0", "h0"), context);
        try (ServerSocket ssh = listen(host, 22)) {
            assertTrue(connects(up, "10.1.0.2", 22, 2000), "ssh");
        }
        long before = sshPackets();
        assertTrue(before >= 1, "ssh counted");

        firewall.apply(request(sshAnd8080(), snat(), "h1", "h0"), context);

        assertEquals(before, sshPackets(), "the filter table was not rebuilt");
        JsonNode ruleset = ruleset();
        assertEquals(1, rules(ruleset, "ip", "mosnet-nat", "postrouting"));
        assertTrue(ruleset.toString().contains("\"right\":\"h1\""), "masquerade on h1: " + ruleset);
    }

    private long sshPackets() {
        return firewall.report(context).tables().get(0).chains().get(0).rules().stream()
                .filter(r -> r.text().startsWith("tcp dport 22 ")).findFirst().orElseThrow().packets();
    }

    @Test
    void noneRemovesMosnetsTablesAndLeavesOthers() {
        firewall.apply(request(sshAnd8080(), masqueradeOn("h0"), "h0", "h0"), context);
        host.sh("nft", "add", "table", "inet", "someone-else");

        firewall.apply(request(new FirewallSpec(FirewallSpec.Policy.NONE, List.of()),
                new NatSpec(NatSpec.Masquerade.NONE, null, List.of()), "h0", "h0"), context);
        assertEquals(List.of("inet someone-else"), tables(ruleset()));
        firewall.apply(request(new FirewallSpec(FirewallSpec.Policy.NONE, List.of()), NatSpec.absent(), "h0", "h0"),
                context);
        assertEquals(List.of("inet someone-else"), tables(ruleset()));
    }

    @Test
    @SuppressWarnings("try") // listeners that only have to exist for the kernel to complete handshakes
    void failedApplyLeavesThePreviousRulesetInPlace() throws Exception {
        firewall.apply(request(sshAnd8080(), masqueradeOn("h0"), "h0", "h0"), context);
        String before = host.sh("nft", "-s", "list", "ruleset");

        // libnftables refuses the interface name (IFNAMSIZ), so the batch never becomes a transaction.
        NftablesException e = assertThrows(NftablesException.class, () -> firewall.apply(
                request(new FirewallSpec(FirewallSpec.Policy.PERMISSIVE, List.of()),
                        masqueradeOn("an-interface-name-far-too-long"), "h0", "h0"), context));

        assertTrue(e.getMessage().startsWith("applying nftables ruleset (firewall permissive"), e.getMessage());
        assertTrue(e.getMessage().contains("exceeds maximum length"), e.getMessage());
        assertEquals(before, host.sh("nft", "-s", "list", "ruleset"));
        try (ServerSocket telnet = listen(host, 23)) {
            assertFalse(connects(up, "10.1.0.2", 23, 1000), "the drop policy must still be there");
        }
    }

    @Test
    void batchTheKernelRefusesChangesNothing() {
        firewall.apply(request(sshAnd8080(), NatSpec.absent(), "h0", "h0"), context);
        String before = host.sh("nft", "-s", "list", "ruleset");

        // Replaces the table, then adds a DNAT to a filter chain: the kernel refuses the rule, so the transaction
        // (including the delete of the old table) is rolled back.
        String broken = """
                {"nftables": [
                  {"add": {"table": {"family": "inet", "name": "mosnet"}}},
                  {"delete": {"table": {"family": "inet", "name": "mosnet"}}},
                  {"add": {"table": {"family": "inet", "name": "mosnet"}}},
                  {"add": {"chain": {"family": "inet", "table": "mosnet", "name": "input", "type": "filter",
                                     "hook": "input", "prio": 0, "policy": "accept"}}},
                  {"add": {"rule": {"family": "inet", "table": "mosnet", "chain": "input",
                                    "expr": [{"dnat": {"family": "ip", "addr": "10.9.0.2"}}]}}}
                ]}""";
        NftablesException e = assertThrows(NftablesException.class,
                () -> Libnftables.inNamespace(host.name()).run(broken));

        assertTrue(e.getMessage().contains("Could not process rule: Operation not supported"), e.getMessage());
        assertTrue(e.getMessage().startsWith("in network namespace " + host + ": "), e.getMessage());
        assertEquals(before, host.sh("nft", "-s", "list", "ruleset"));
    }

    /**
     * A Linux bridge {@code br0} in its own host namespace, with the uplink {@code hu} and a VM port {@code hv};
     * the bridge carries the uplink's MAC, as mosnet sets it up.
     */
    @Test
    void egressGuardDropsBridgedFramesWithForeignSourceMacsAndCountsThem() throws Exception {
        Namespace gup = lab.namespace("gup");
        Namespace ghost = lab.namespace("ghost");
        Namespace gvm = lab.namespace("gvm");
        lab.veth(ghost, "hu", gup, "gu");
        lab.veth(ghost, "hv", gvm, "gv");
        String nicMac = ghost.sh("cat", "/sys/class/net/hu/address").strip();
        ghost.sh("ip", "link", "add", "br0", "address", nicMac, "type", "bridge", "stp_state", "0");
        ghost.sh("ip", "link", "set", "hu", "master", "br0");
        ghost.sh("ip", "link", "set", "hv", "master", "br0");
        ghost.sh("ip", "link", "set", "br0", "up");
        ghost.ip("addr", "add", "10.5.0.2/24", "dev", "br0");
        gup.ip("addr", "add", "10.5.0.1/24", "dev", "gu");
        gvm.ip("addr", "add", "10.5.0.3/24", "dev", "gv");
        assertEquals(0, gvm.exec("ping", "-c1", "-W3", "10.5.0.1").status(), "bridged VM before the guard");

        HostNetwork guardNetwork = mock(HostNetwork.class);
        when(guardNetwork.requireLink("hu"))
                .thenReturn(new Link(2, "hu", "veth", MacAddress.parse(nicMac), 1500, true, true, 3));
        NftablesFirewall guard = NftablesFirewall.inNamespace(ghost.name());
        FirewallRequest request = new FirewallRequest(FirewallSpec.absent(), NatSpec.absent(), null, "br0", "hu");
        guard.apply(request, context(guardNetwork, Map.of("egress_mac_guard", true)));

        assertEquals(0, ghost.exec("ping", "-c1", "-W2", "10.5.0.1").status(), "the host, with the NIC's MAC");
        assertNotEquals(0, gvm.exec("ping", "-c2", "-W1", "10.5.0.1").status(), "the VM, with its own MAC");
        List<FirewallReport.Counter> counters = guard.report(context(guardNetwork, Map.of())).counters();
        assertEquals(1, counters.size(), counters.toString());
        assertEquals("foreign_source_mac", counters.get(0).name());
        assertTrue(counters.get(0).packets() >= 2, counters.toString());

        guard.apply(request, context(guardNetwork, Map.of("egress_mac_guard", false)));
        assertEquals(List.of(), tables(JSON.readTree(ghost.sh("nft", "-j", "list", "ruleset"))));
        assertEquals(0, gvm.exec("ping", "-c1", "-W2", "10.5.0.1").status(), "the VM once the guard is off");
    }

    // ---- helpers reading the kernel's view through the nft command

    private JsonNode ruleset() {
        try {
            return JSON.readTree(host.sh("nft", "-j", "list", "ruleset"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> tables(JsonNode ruleset) {
        List<String> tables = new ArrayList<>();
        for (JsonNode item : ruleset.path("nftables")) {
            if (item.has("table")) {
                tables.add(item.at("/table/family").asText() + " " + item.at("/table/name").asText());
            }
        }
        return tables;
    }

    private static JsonNode chain(JsonNode ruleset, String family, String table, String name) {
        for (JsonNode item : ruleset.path("nftables")) {
            JsonNode c = item.path("chain");
            if (family.equals(c.path("family").asText()) && table.equals(c.path("table").asText())
                    && name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no chain " + family + " " + table + " " + name + " in " + ruleset);
    }

    private static int rules(JsonNode ruleset, String family, String table, String chain) {
        int n = 0;
        for (JsonNode item : ruleset.path("nftables")) {
            JsonNode r = item.path("rule");
            if (family.equals(r.path("family").asText()) && table.equals(r.path("table").asText())
                    && chain.equals(r.path("chain").asText())) {
                n++;
            }
        }
        return n;
    }

    private static List<String> names(FirewallReport report) {
        return report.tables().stream().map(t -> t.family() + " " + t.name()).toList();
    }

    private static String peer(Socket socket) {
        return ((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress().getHostAddress();
    }
}
