package io.mosnet.nftables;

import static io.mosnet.nftables.Specs.context;
import static io.mosnet.nftables.Specs.forward;
import static io.mosnet.nftables.Specs.request;
import static io.mosnet.nftables.Specs.sshAnd8080;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NftablesFirewallTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Records the documents it is given (without the ruleset fingerprint counter, which {@link #stamps} keeps) and
     * answers from a script; listings (which apply makes to see whether the ruleset is already in place) answer
     * "no tables" unless scripted.
     */
    private static final class FakeLibnftables implements Libnftables {
        final List<JsonNode> documents = new ArrayList<>();
        final List<String> stamps = new ArrayList<>();
        final List<String> answers = new ArrayList<>();
        RuntimeException failure;
        RuntimeException applyFailure;

        @Override
        public String run(String document) {
            JsonNode doc;
            try {
                doc = JSON.readTree(document);
            } catch (IOException e) {
                throw new AssertionError("the firewall sent text that is not JSON: " + document, e);
            }
            if (failure != null) {
                documents.add(doc);
                throw failure;
            }
            if (doc.path("nftables").path(0).has("list") && answers.isEmpty()) {
                return "{\"nftables\": [{\"metainfo\": {\"json_schema_version\": 1}}]}";
            }
            var commands = (com.fasterxml.jackson.databind.node.ArrayNode) doc.path("nftables");
            for (int i = commands.size() - 1; i >= 0; i--) {
                String name = commands.get(i).path("add").path("counter").path("name").asText("");
                if (name.startsWith(Batch.FINGERPRINT_PREFIX)) {
                    stamps.add(name);
                    commands.remove(i);
                }
            }
            documents.add(doc);
            if (applyFailure != null) {
                throw applyFailure;
            }
            return answers.isEmpty() ? "" : answers.remove(0);
        }
    }

    private final FakeLibnftables nft = new FakeLibnftables();
    private final HostNetwork network = mock(HostNetwork.class);
    private final NftablesFirewall firewall = new NftablesFirewall(nft);

    @Test
    void isFoundByServiceLoaderUnderItsId() {
        List<String> ids = ServiceLoader.load(io.mosnet.api.firewall.Firewall.class).stream()
                .map(p -> p.get().id()).toList();
        assertTrue(ids.contains("nftables"), ids.toString());
    }

    @Test
    void appliesTheWholeRulesetAsOneDocument() throws IOException {
        firewall.apply(request(Specs.everyService(), NatSpec.absent(), null, "eth0"), context(network, Map.of()));

        assertEquals(List.of(RulesetTest.golden("filter-drop.json")), nft.documents);
        verify(network, never()).setSysctl(anyString(), anyString());
    }

    @Test
    void stampsEveryTableItBuildsWithTheRulesetFingerprint() {
        firewall.apply(request(sshAnd8080(), NatSpec.absent(), null, "eth0"), context(network, Map.of()));
        assertEquals(1, nft.stamps.size());
        assertTrue(nft.stamps.get(0).matches("mosnet-ruleset-[0-9a-f]{16}"), nft.stamps.toString());
    }

    @Test
    void leavesTheRulesetAloneWhenTheKernelAlreadyHasIt() {
        firewall.apply(request(sshAnd8080(), NatSpec.absent(), null, "eth0"), context(network, Map.of()));
        String stamp = nft.stamps.get(0);
        nft.documents.clear();
        nft.answers.add("{\"nftables\": [{\"table\": {\"family\": \"inet\", \"name\": \"mosnet\", \"handle\": 1}}]}");
        nft.answers.add("{\"nftables\": [{\"table\": {\"family\": \"inet\", \"name\": \"mosnet\", \"handle\": 1}},"
                + "{\"counter\": {\"family\": \"inet\", \"name\": \"" + stamp + "\", \"table\": \"mosnet\","
                + " \"handle\": 2, \"packets\": 0, \"bytes\": 0}}]}");

        firewall.apply(request(sshAnd8080(), NatSpec.absent(), null, "eth0"), context(network, Map.of()));

        assertTrue(nft.documents.stream().noneMatch(d -> d.path("nftables").path(0).has("add")),
                "nothing applied: " + nft.documents);
    }

    @Test
    void rebuildsOnlyTheTablesThatChanged() {
        NatSpec nat = Specs.snat(forward(8080, "10.9.0.2", 80, TransportProtocol.TCP));
        when(network.sysctl("net.ipv4.ip_forward")).thenReturn(Optional.of("1"));
        firewall.apply(request(sshAnd8080(), nat, "eth0", "eth0"), context(network, Map.of()));
        String filterStamp = nft.stamps.get(1); // stamps are collected from the end of the document
        nft.documents.clear();
        nft.answers.add("{\"nftables\": [{\"table\": {\"family\": \"inet\", \"name\": \"mosnet\", \"handle\": 1}},"
                + "{\"table\": {\"family\": \"ip\", \"name\": \"mosnet-nat\", \"handle\": 2}}]}");
        nft.answers.add("{\"nftables\": [{\"table\": {\"family\": \"inet\", \"name\": \"mosnet\", \"handle\": 1}},"
                + "{\"counter\": {\"family\": \"inet\", \"name\": \"" + filterStamp + "\", \"table\": \"mosnet\","
                + " \"handle\": 2, \"packets\": 0, \"bytes\": 0}}]}");
        nft.answers.add("{\"nftables\": [{\"table\": {\"family\": \"ip\", \"name\": \"mosnet-nat\", \"handle\": 2}}]}");

        // The default route moved to the bridge: only the NAT table is rebuilt.
        firewall.apply(request(sshAnd8080(), nat, "mos", "eth0"), context(network, Map.of()));

        JsonNode applied = nft.documents.get(nft.documents.size() - 1);
        assertTrue(applied.toString().contains("\"name\":\"mosnet-nat\""), applied.toString());
        assertTrue(applied.toString().contains("\"right\":\"mos\""), applied.toString());
        assertTrue(!applied.toString().contains("\"name\":\"mosnet\"}"), "the filter table stays: " + applied);
    }

    @Test
    void runsNothingWhenEverythingIsAbsent() {
        firewall.apply(request(FirewallSpec.absent(), NatSpec.absent(), null, "eth0"), context(network, Map.of()));
        assertTrue(nft.documents.isEmpty());
    }

    @Test
    void failureCarriesWhatWasAppliedAndLibnftablesErrorText() {
        NftablesException refused = new NftablesException(
                "Error: Could not process rule: No such file or directory");
        nft.applyFailure = refused;

        NftablesException e = assertThrows(NftablesException.class, () -> firewall.apply(
                request(sshAnd8080(), NatSpec.absent(), null, "eth0"), context(network, Map.of())));

        assertTrue(e.getMessage().startsWith("applying nftables ruleset (firewall drop [22/tcp, 8080/tcp]"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(": Error: Could not process rule: No such file or directory"),
                e.getMessage());
        assertSame(refused, e.getCause());
    }

    @Test
    void natSwitchesOnIpv4ForwardingAfterTheRulesetIsIn() {
        when(network.sysctl("net.ipv4.ip_forward")).thenReturn(Optional.of("0\n"));

        firewall.apply(request(FirewallSpec.absent(),
                        Specs.snat(forward(8080, "10.9.0.2", 80, TransportProtocol.TCP)), "up0", "up0"),
                context(network, Map.of()));

        assertEquals(1, nft.documents.size());
        verify(network).setSysctl("net.ipv4.ip_forward", "1");
    }

    @Test
    void leavesForwardingAloneWhenAlreadyOn() {
        when(network.sysctl("net.ipv4.ip_forward")).thenReturn(Optional.of("1"));
        firewall.apply(request(FirewallSpec.absent(), Specs.masqueradeOn("wan0"), null, "eth0"),
                context(network, Map.of()));
        verify(network, never()).setSysctl(anyString(), anyString());
    }

    @Test
    void egressGuardTakesTheUplinksMacFromTheHostNetwork() {
        MacAddress mac = MacAddress.parse("52:54:00:aa:bb:cc");
        when(network.requireLink("eth0")).thenReturn(new Link(2, "eth0", "", mac, 1500, true, true, 5));

        firewall.apply(request(FirewallSpec.absent(), NatSpec.absent(), null, "eth0"),
                context(network, Map.of("egress_mac_guard", true)));

        JsonNode rule = nft.documents.get(0).get("nftables").get(5).at("/add/rule");
        assertEquals("52:54:00:aa:bb:cc", rule.at("/expr/0/match/right").asText());
        assertEquals("eth0", nft.documents.get(0).get("nftables").get(4).at("/add/chain/dev").asText());
    }

    @Test
    void egressGuardFalseRemovesTheGuardTable() {
        nft.answers.add("{\"nftables\": [{\"table\": {\"family\": \"netdev\", \"name\": \"mosnet-egress\", \"handle\": 3}}]}");
        firewall.apply(request(FirewallSpec.absent(), NatSpec.absent(), null, "eth0"),
                context(network, Map.of("egress_mac_guard", "false")));

        assertEquals("{\"delete\":{\"table\":{\"family\":\"netdev\",\"name\":\"mosnet-egress\"}}}",
                nft.documents.get(1).get("nftables").get(1).toString());
    }

    @Test
    void removingATableThatIsNotThereRunsNothing() {
        firewall.apply(request(FirewallSpec.absent(), NatSpec.absent(), null, "eth0"),
                context(network, Map.of("egress_mac_guard", "false")));
        assertTrue(nft.documents.isEmpty(), nft.documents.toString());
    }

    @Test
    void rejectsUnknownSettingsBeforeRunningAnything() {
        NftablesException e = assertThrows(NftablesException.class, () -> firewall.apply(
                request(sshAnd8080(), NatSpec.absent(), null, "eth0"), context(network, Map.of("egress_guard", true))));
        assertTrue(e.getMessage().contains("[egress_guard]"), e.getMessage());
        assertTrue(nft.documents.isEmpty());
    }

    @Test
    void rejectsANonBooleanGuardSetting() {
        NftablesException e = assertThrows(NftablesException.class, () -> firewall.apply(
                request(sshAnd8080(), NatSpec.absent(), null, "eth0"),
                context(network, Map.of("egress_mac_guard", "maybe"))));
        assertTrue(e.getMessage().contains("egress_mac_guard = 'maybe' is not a boolean"), e.getMessage());
    }

    @Test
    void reportListsOnlyMosnetsTablesThatExist() throws IOException {
        nft.answers.add("{\"nftables\":[{\"table\":{\"family\":\"inet\",\"name\":\"firewalld\"}},"
                + "{\"table\":{\"family\":\"netdev\",\"name\":\"mosnet-egress\"}}]}");
        nft.answers.add(ReportParserTest.listing("list-table-netdev-mosnet-egress.json"));

        FirewallReport report = firewall.report(context(network, Map.of()));

        assertEquals(List.of("mosnet-egress"), report.tables().stream().map(FirewallReport.Table::name).toList());
        assertEquals(8, report.counters().get(0).packets());
        assertEquals("{\"nftables\":[{\"list\":{\"tables\":null}}]}", nft.documents.get(0).toString());
        assertEquals("{\"nftables\":[{\"list\":{\"table\":{\"family\":\"netdev\",\"name\":\"mosnet-egress\"}}}]}",
                nft.documents.get(1).toString());
    }

    @Test
    void reportFailureSaysWhatWasListed() {
        nft.failure = new NftablesException("Error: Operation not permitted");
        NftablesException e = assertThrows(NftablesException.class, () -> firewall.report(context(network, Map.of())));
        assertEquals("listing nftables tables: Error: Operation not permitted", e.getMessage());
    }

    @Test
    void missingNamespaceIsNamedInTheError() {
        NftablesFirewall elsewhere = NftablesFirewall.inNamespace("mt-no-such-namespace");
        NftablesException e = assertThrows(NftablesException.class,
                () -> elsewhere.report(context(network, Map.of())));
        assertEquals("listing nftables tables: in network namespace mt-no-such-namespace: "
                + "open /run/netns/mt-no-such-namespace: No such file or directory", e.getMessage());
    }

    @Test
    void namespaceNamesArePlainNames() {
        assertThrows(IllegalArgumentException.class, () -> NftablesFirewall.inNamespace("../etc"));
        assertThrows(IllegalArgumentException.class, () -> NftablesFirewall.inNamespace(""));
    }
}
