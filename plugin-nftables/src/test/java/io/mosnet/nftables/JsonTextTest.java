package io.mosnet.nftables;

import static io.mosnet.nftables.Specs.everyService;
import static io.mosnet.nftables.Specs.forward;
import static io.mosnet.nftables.Specs.masqueradeOn;
import static io.mosnet.nftables.Specs.request;
import static io.mosnet.nftables.Specs.snat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.net.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mosnet's JSON text of a batch is Jackson's, so fingerprints stamped by earlier versions still match. */
class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void everyRulesetIsWrittenAsJacksonWritesIt() throws Exception {
        List<Batch> batches = List.of(
                Ruleset.plan(request(everyService(), NatSpec.absent(), null, null), NftablesSettings.defaults(), null),
                Ruleset.plan(request(new FirewallSpec(FirewallSpec.Policy.NONE, List.of()), snat(forward(8080, "10.0.0.5", 80, TransportProtocol.TCP),
                        forward(5353, "10.0.0.6", 53, TransportProtocol.UDP)), "mos", null),
                        NftablesSettings.defaults(), null),
                Ruleset.plan(request(everyService(), masqueradeOn("mos"), "mos", "eth0"),
                        NftablesSettings.parse(java.util.Map.of("egress_mac_guard", true)),
                        MacAddress.parse("02:00:00:00:00:01")),
                new Batch().listTables());
        for (Batch b : batches) {
            for (TableRef table : b.tables().keySet()) {
                b.stamp(table, b.fingerprint(table));
            }
            assertEquals(JACKSON.writeValueAsString(b.document()), b.text());
            assertEquals(b.document().toString(), b.text());
        }
    }

    @Test
    void escapesStringsAsJacksonDoes() throws Exception {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        every.append("é€\uD83D\uDE00/");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("comment", every.toString());
        o.put("ke\"y\n", 1);
        o.put("big", Long.MAX_VALUE);
        o.put("yes", true);
        o.putNull("nothing");
        o.putArray("empty");
        o.putObject("none");
        assertEquals(JACKSON.writeValueAsString(o), JsonText.of(o));
    }

    @Test
    void readsWhatJacksonReads() throws Exception {
        for (String text : List.of(
                "{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"json_schema_version\": 1}}, "
                        + "{\"table\": {\"family\": \"inet\", \"name\": \"mosnet\", \"handle\": 12}}]}",
                "[1, -2, 2147483648, -9223372036854775808, 18446744073709551616, 1.5, -0.25e3, 1E2, true, false, null]",
                "{\"s\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"e\": {}, \"a\": []}",
                " \t\r\n {\"x\" : [ 1 , { \"y\" : \"z\" } ] } \n")) {
            assertEquals(JACKSON.readTree(text), JsonText.parse(text), text);
        }
        // Node types as Jackson's, not only equal values: ReportParser reads handles and counters as longs.
        assertEquals(JACKSON.readTree("[1, 4294967296]").get(1).getClass(),
                JsonText.parse("[1, 4294967296]").get(1).getClass());
    }

    @Test
    void saysWhereTextIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "[1 2]", "\"\\x\"", "\"\\u12g4\"", "tru",
                "{\"a\": 1} x", "\"a\nb\"", "-", "1.", "{a: 1}")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> JsonText.parse(bad), bad);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("expected ")
                    && e.getMessage().contains(" at offset "), e.getMessage());
        }
    }
}
