package io.mosnet.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.state.DaemonState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link StateStore#parse} judges what a state file holds: never by throwing. */
class StateStoreParseTest {

    private static final Path FILE = Path.of("/var/cache/etc/mosnet.json");

    private static StateLoadResult parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static StateLoadResult parse(byte[] bytes) {
        return StateStore.parse(FILE, bytes);
    }

    private static void assertOutcome(StateLoadResult.Status status, String reason, StateLoadResult r) {
        assertEquals(status, r.status(), r.reason());
        assertEquals(reason, r.reason());
    }

    @Test
    void loadsWhatTheStoreWrites() {
        DaemonState full = StateJsonReaderTest.full();
        StateLoadResult r = parse(new StateStore(FILE).serialize(full));
        assertEquals(StateLoadResult.Status.LOADED, r.status(), r.reason());
        assertEquals(full, r.state());
        assertEquals(FILE, r.file());
    }

    @Test
    void everyCutOfAWrittenFileIsTruncated() {
        byte[] full = new StateStore(FILE).serialize(StateJsonReaderTest.full());
        for (int length = 1; length < full.length - 1; length++) {
            byte[] cut = Arrays.copyOf(full, length);
            StateLoadResult r = parse(cut);
            assertEquals(StateLoadResult.Status.TRUNCATED, r.status(),
                    () -> r.reason() + " for " + new String(cut, StandardCharsets.UTF_8));
            assertTrue(r.reason().startsWith("truncated after " + length + " bytes: "), r.reason());
        }
        assertEquals(StateLoadResult.Status.LOADED, parse(Arrays.copyOf(full, full.length - 1)).status());
    }

    @Test
    void saysWhereAnEarlyEndWas() {
        assertOutcome(StateLoadResult.Status.TRUNCATED, "truncated after 19 bytes: expected a member name in quotes,"
                + " found end of input at offset 19", parse("{\"schemaVersion\":1,"));
        assertOutcome(StateLoadResult.Status.TRUNCATED, "truncated after 4 bytes: incomplete UTF-8 sequence at byte 2",
                parse(new byte[] {'[', '"', (byte) 0xe2, (byte) 0x9c}));
        assertOutcome(StateLoadResult.Status.TRUNCATED, "file is empty", parse(" \n\t"));
        assertOutcome(StateLoadResult.Status.TRUNCATED, "file is empty", parse(new byte[0]));
    }

    @Test
    void tellsGarbageFromAnEarlyEnd() {
        assertOutcome(StateLoadResult.Status.CORRUPT, "not JSON: unexpected 'x' at offset 0", parse("xyz"));
        assertOutcome(StateLoadResult.Status.CORRUPT, "not JSON: unexpected 't' after the value at offset 3",
                parse("{} t"));
        assertOutcome(StateLoadResult.Status.CORRUPT, "not JSON: unexpected 't' at offset 5", parse("{\"a\":tx"));
        assertOutcome(StateLoadResult.Status.CORRUPT, "not JSON: invalid UTF-8 at byte 3",
                parse(new byte[] {'{', '"', 'a', (byte) 0xff, '"', ':', '1', '}'}));
        assertOutcome(StateLoadResult.Status.CORRUPT, "not JSON: invalid UTF-8 at byte 2",
                parse(new byte[] {'[', '"', (byte) 0xe2, '"', ']'}));
        assertOutcome(StateLoadResult.Status.CORRUPT, "not a JSON object", parse("[1]"));
        assertOutcome(StateLoadResult.Status.CORRUPT, "not a JSON object", parse("null"));
    }

    @Test
    void skipsAByteOrderMarkAsJacksonDoes() {
        assertEquals(StateLoadResult.Status.LOADED, parse("\uFEFF{\"schemaVersion\":1}").status());
    }

    @Test
    void judgesTheSchemaVersionAsBefore() {
        String none = "no integer schemaVersion (expected " + DaemonState.SCHEMA_VERSION + ")";
        for (String version : List.of("\"1\"", "1.0", "1e0", "true", "null", "{}", "4294967297", "99999999999999")) {
            assertOutcome(StateLoadResult.Status.SCHEMA_MISMATCH, none, parse("{\"schemaVersion\":" + version + "}"));
        }
        assertOutcome(StateLoadResult.Status.SCHEMA_MISMATCH, none, parse("{}"));
        assertOutcome(StateLoadResult.Status.SCHEMA_MISMATCH, "schemaVersion 2, this mosnet reads 1",
                parse("{\"schemaVersion\":2}"));
        assertOutcome(StateLoadResult.Status.SCHEMA_MISMATCH, "schemaVersion -2147483648, this mosnet reads 1",
                parse("{\"schemaVersion\":-2147483648}"));
        assertEquals(StateLoadResult.Status.LOADED, parse("{\"schemaVersion\":-0,\"x\":1}".replace("-0", "1"))
                .status());
    }

    @Test
    void namesTheFieldThatIsNotAState() {
        assertOutcome(StateLoadResult.Status.CORRUPT,
                "not a valid mosnet state: leases.eth0.mtu: expected an integer, got \"abc\"",
                parse("{\"schemaVersion\":1,\"leases\":{\"eth0\":{\"mtu\":\"abc\"}}}"));
        assertOutcome(StateLoadResult.Status.CORRUPT,
                "not a valid mosnet state: DaemonState refused its values: NullPointerException",
                parse("{\"schemaVersion\":1,\"addresses\":[null]}"));
    }

    @Test
    void refusesHostileDocumentsAsCorrupt() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String digits = "9".repeat(2_000_000);
        List<String> hostile = List.of(
                "{\"schemaVersion\":1,\"backendInfo\":{\"x\":" + deep + "}}",
                "{\"schemaVersion\":1,\"firewall\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_001),
                "{\"schemaVersion\":" + digits + "}",
                "{\"schemaVersion\":1,\"nat\":{\"n\":" + digits + "}}",
                "{\"schemaVersion\":1,\"nat\":{\"n\":1" + "0".repeat(999) + ".5e" + digits + "}}",
                "{\"schemaVersion\":1,\"startedAt\":1e" + digits + "}",
                "{\"schemaVersion\":1,\"leases\":{\"a\":{\"mtu\":" + digits + "}}}",
                "{\"schemaVersion\":1,\"routes\":[" + "{},".repeat(10_000) + "7]}",
                "{\"schemaVersion\":1,\"leases\":{\"a\":{\"renewAt\":\"" + "9".repeat(100_000) + "\"}}}",
                "{\"schemaVersion\":1,\"mode\":\"\\ud800\",\"phase\":\"\\u0000\"," + "\"x\":0,".repeat(10_000)
                        + "\"uplinks\":{\"\":[]}}");
        for (String doc : hostile) {
            StateLoadResult r = parse(doc);
            assertTrue(r.status() == StateLoadResult.Status.CORRUPT
                    || r.status() == StateLoadResult.Status.SCHEMA_MISMATCH, r.reason());
            assertTrue(r.reason().length() < 300, r.reason());
        }
    }
}
