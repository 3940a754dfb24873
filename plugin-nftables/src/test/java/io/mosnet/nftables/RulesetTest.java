package io.mosnet.nftables;

import static io.mosnet.nftables.Specs.everyService;
import static io.mosnet.nftables.Specs.forward;
import static io.mosnet.nftables.Specs.request;
import static io.mosnet.nftables.Specs.snat;
import static io.mosnet.nftables.Specs.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.net.MacAddress;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON documents each spec turns into, compared as JSON trees with reviewed golden files. */
class RulesetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NftablesSettings NO_GUARD = NftablesSettings.defaults();

    @Test
    void dropPolicyOpensEveryNamedServiceAndCustomPort() throws IOException {
        Batch batch = Ruleset.plan(request(everyService(), NatSpec.absent(), null, "eth0"), NO_GUARD, null);
        assertEquals(golden("filter-drop.json"), batch.document());
    }

    @Test
    void permissiveAcceptsByPolicyAndKeepsInvalidPackets() throws IOException {
        FirewallSpec permissive = new FirewallSpec(FirewallSpec.Policy.PERMISSIVE, List.of(tcp("ssh", 22)));
        Batch batch = Ruleset.plan(request(permissive, NatSpec.absent(), null, "eth0"), NO_GUARD, null);
        assertEquals(golden("filter-permissive.json"), batch.document());
    }

    @Test
    void snatMasqueradesOnTheDefaultRouteAndForwardsPortsAddressedToTheHost() throws IOException {
        NatSpec nat = snat(forward(8080, "192.168.1.100", 80, TransportProtocol.TCP),
                forward(53, "192.168.1.53", 53, TransportProtocol.UDP));
        Batch batch = Ruleset.plan(request(FirewallSpec.absent(), nat, "eth0", "eth0"), NO_GUARD, null);
        assertEquals(golden("nat-snat-forwards.json"), batch.document());
    }

    @Test
    void egressGuardDropsAndCountsForeignSourceMacsOnTheUplink() throws IOException {
        Batch batch = Ruleset.plan(request(FirewallSpec.absent(), NatSpec.absent(), null, "eth0"),
                new NftablesSettings(NftablesSettings.Toggle.ON), MacAddress.parse("52:54:00:12:34:56"));
        assertEquals(golden("egress-guard.json"), batch.document());
    }

    @Test
    void noneAndOffRemoveMosnetsTablesWhetherOrNotTheyExist() throws IOException {
        Batch batch = Ruleset.plan(request(new FirewallSpec(FirewallSpec.Policy.NONE, List.of()),
                        new NatSpec(NatSpec.Masquerade.NONE, null, List.of()), null, "eth0"),
                new NftablesSettings(NftablesSettings.Toggle.OFF), null);
        assertEquals(golden("remove-all.json"), batch.document());
    }

    @Test
    void absentEverywhereIsAnEmptyBatch() {
        Batch batch = Ruleset.plan(request(FirewallSpec.absent(), NatSpec.absent(), "eth0", "eth0"), NO_GUARD, null);
        assertTrue(batch.isEmpty());
    }

    @Test
    void masqueradesOnTheNamedInterfaceRatherThanTheDefaultRoute() {
        Batch batch = Ruleset.plan(request(FirewallSpec.absent(), Specs.masqueradeOn("wan0"), "eth0", "eth0"),
                NO_GUARD, null);
        JsonNode last = batch.document().get("nftables").get(batch.document().get("nftables").size() - 1);
        assertEquals("wan0", last.at("/add/rule/expr/0/match/right").asText());
    }

    @Test
    void sshNamedTwiceGetsOneRule() {
        FirewallSpec twice = new FirewallSpec(FirewallSpec.Policy.DROP, List.of(tcp("ssh", 22), tcp(null, 22)));
        Batch batch = Ruleset.plan(request(twice, NatSpec.absent(), null, "eth0"), NO_GUARD, null);
        long port22 = countRules(batch, r -> r.at("/expr/0/match/right").asInt() == 22);
        assertEquals(1, port22);
    }

    @Test
    void snatWithoutADefaultRouteForwardsPortsAndMasqueradesNothingYet() {
        Batch batch = Ruleset.plan(request(FirewallSpec.absent(),
                snat(forward(8080, "192.168.1.100", 80, TransportProtocol.TCP)), null, "eth0"), NO_GUARD, null);
        assertEquals(1, countRules(batch, r -> r.path("chain").asText().equals("prerouting")));
        assertEquals(0, countRules(batch, r -> r.path("chain").asText().equals("postrouting")));
        assertTrue(batch.document().toString().contains("\"name\":\"postrouting\""), "the chain is there to fill");
    }

    @Test
    void fingerprintsEachTableByItsOwnCommands() {
        Batch a = Ruleset.plan(request(everyService(), snat(), "eth0", "eth0"), NO_GUARD, null);
        Batch b = Ruleset.plan(request(everyService(), snat(), "mos", "eth0"), NO_GUARD, null);
        assertEquals(a.fingerprint(TableRef.FILTER), b.fingerprint(TableRef.FILTER));
        assertNotEquals(a.fingerprint(TableRef.NAT), b.fingerprint(TableRef.NAT));
        assertNotEquals(a.fingerprint(TableRef.FILTER), a.fingerprint(TableRef.NAT));
    }

    @Test
    void rejectsEgressGuardWithoutAnUplinkMac() {
        NftablesException e = assertThrows(NftablesException.class,
                () -> Ruleset.plan(request(FirewallSpec.absent(), NatSpec.absent(), null, "eth0"),
                        new NftablesSettings(NftablesSettings.Toggle.ON), MacAddress.ZERO));
        assertTrue(e.getMessage().contains("MAC address of uplink eth0"), e.getMessage());
    }

    private static long countRules(Batch batch, java.util.function.Predicate<JsonNode> test) {
        long n = 0;
        for (JsonNode command : batch.document().get("nftables")) {
            JsonNode rule = command.at("/add/rule");
            if (!rule.isMissingNode() && test.test(rule)) {
                n++;
            }
        }
        return n;
    }

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = RulesetTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("golden file " + name + " is missing");
            }
            return JSON.readTree(in);
        }
    }
}
