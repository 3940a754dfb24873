package io.mosnet.nftables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.firewall.FirewallReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listings captured from libnftables 1.0.6 (nft -j list ...) after applying mosnet's golden documents. */
class ReportParserTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void readsTheTablesOfAListing() throws IOException {
        assertEquals(List.of(TableRef.FILTER, TableRef.NAT, TableRef.EGRESS), parser.tables(listing("list-tables.json")));
    }

    @Test
    void readsChainsWithHookPolicyAndRulesAsNftPrintsThem() throws IOException {
        FirewallReport.Table table = parser.table(TableRef.FILTER, listing("list-table-inet-mosnet.json"));

        assertEquals("inet", table.family());
        assertEquals(List.of("input", "forward"), table.chains().stream().map(FirewallReport.Chain::name).toList());
        FirewallReport.Chain input = table.chains().get(0);
        assertEquals("filter", input.type());
        assertEquals("input", input.hook());
        assertEquals(0, input.priority());
        assertEquals("accept", input.policy());
        assertEquals(new FirewallReport.Rule(2, "iifname \"lo\" counter packets 2 bytes 168 accept", 2, 168),
                input.rules().get(0));
        assertEquals("ct state established,related counter packets 0 bytes 0 accept", input.rules().get(1).text());
        assertEquals("icmp type { echo-reply, destination-unreachable, echo-request, time-exceeded, parameter-problem }"
                + " counter packets 0 bytes 0 accept", input.rules().get(2).text());
        assertEquals("tcp dport 22 counter packets 0 bytes 0 accept comment \"ssh\"", input.rules().get(4).text());
        assertEquals("ct status dnat counter packets 0 bytes 0 accept comment \"port forwards\"",
                table.chains().get(1).rules().get(0).text());
        assertTrue(table.counters().isEmpty());
    }

    @Test
    void rendersNatRules() throws IOException {
        FirewallReport.Table table = parser.table(TableRef.NAT, listing("list-table-ip-mosnet-nat.json"));

        FirewallReport.Chain prerouting = table.chains().get(0);
        assertEquals(-100, prerouting.priority());
        assertEquals("fib daddr type local tcp dport 8080 counter packets 0 bytes 0 dnat to 192.168.1.100:80"
                + " comment \"8080:192.168.1.100:80/tcp\"", prerouting.rules().get(0).text());
        assertEquals("oifname \"eth0\" counter packets 0 bytes 0 masquerade",
                table.chains().get(1).rules().get(0).text());
    }

    @Test
    void readsNamedCountersAndCreditsThemToTheRulesThatNameThem() throws IOException {
        FirewallReport.Table table = parser.table(TableRef.EGRESS, listing("list-table-netdev-mosnet-egress.json"));

        assertEquals(List.of(new FirewallReport.Counter("netdev mosnet-egress", "foreign_source_mac", 8, 600)),
                table.counters());
        FirewallReport.Rule rule = table.chains().get(0).rules().get(0);
        assertEquals("ether saddr != 52:54:00:12:34:56 counter name \"foreign_source_mac\" drop"
                + " comment \"source MAC is not eth0's\"", rule.text());
        assertEquals(8, rule.packets());
        assertEquals(600, rule.bytes());
        assertEquals(8, new FirewallReport(List.of(table)).counters().get(0).packets());
    }

    @Test
    void ignoresObjectsOfOtherTables() throws IOException {
        FirewallReport.Table table = parser.table(new TableRef("inet", "other"), listing("list-table-inet-mosnet.json"));
        assertTrue(table.chains().isEmpty());
    }

    @Test
    void showsUnknownExpressionsAsJson() {
        String listing = "{\"nftables\":[{\"chain\":{\"family\":\"inet\",\"table\":\"mosnet\",\"name\":\"c\"}},"
                + "{\"rule\":{\"family\":\"inet\",\"table\":\"mosnet\",\"chain\":\"c\",\"handle\":4,"
                + "\"expr\":[{\"quota\":{\"val\":5}},{\"accept\":null}]}}]}";
        FirewallReport.Chain chain = parser.table(TableRef.FILTER, listing).chains().get(0);
        assertNull(chain.hook());
        assertEquals("{\"quota\":{\"val\":5}} accept", chain.rules().get(0).text());
    }

    @Test
    void rejectsAnswersThatAreNotListings() {
        NftablesException notJson = assertThrows(NftablesException.class, () -> parser.tables("Error: nope"));
        assertTrue(notJson.getMessage().contains("is not JSON"), notJson.getMessage());
        NftablesException noArray = assertThrows(NftablesException.class, () -> parser.tables("{\"x\":1}"));
        assertTrue(noArray.getMessage().contains("no \"nftables\" array"), noArray.getMessage());
    }

    static String listing(String name) throws IOException {
        try (InputStream in = ReportParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("captured listing " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
