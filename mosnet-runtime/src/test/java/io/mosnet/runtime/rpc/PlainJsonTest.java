package io.mosnet.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainJsonTest {

    @Test
    void readsObjectsInDocumentOrder() throws Exception {
        Object v = PlainJson.parse("{\"z\":1,\"a\":[true,false,null],\"m\":{\"k\":\"v\"}}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(m.keySet()));
        assertEquals(new JsonNumber("1", true), m.get("z"));
        assertEquals(java.util.Arrays.asList(true, false, null), m.get("a"));
        assertEquals(Map.of("k", "v"), m.get("m"));
    }

    @Test
    void repeatedNameKeepsFirstPlaceAndLastValue() throws Exception {
        Map<?, ?> m = (Map<?, ?>) PlainJson.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertEquals(List.of("a", "b"), new ArrayList<>(m.keySet()));
        assertEquals("3", m.get("a").toString());
    }

    @Test
    void keepsNumbersAsWritten() throws Exception {
        assertEquals(List.of(new JsonNumber("-0.50", false), new JsonNumber("1E+3", false),
                new JsonNumber("12345678901234567890", true), new JsonNumber("0", true)),
                PlainJson.parse("[-0.50, 1E+3, 12345678901234567890, 0]"));
        assertEquals(-42, new JsonNumber("-42", true).longValue());
        assertThrows(NumberFormatException.class, () -> new JsonNumber("1.5", false).longValue());
    }

    @Test
    void decodesEscapes() throws Exception {
        assertEquals("a\"b\\c/d\be\ff\ng\rh\ti\u00e9\ud83d\ude00j",
                PlainJson.parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u00E9\\ud83d\\ude00j\""));
        assertEquals("", PlainJson.parse(" \"\" "));
        assertNull(PlainJson.parse("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1,", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "[1,]", "tru", "nul",
            "\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12g4\"", "01", "-", "1.", "1e", "+1", ".5", "[1]]",
            "{} {}", "\"tab\tinside\"", "\"\\", "[\"a\"", "{\"a\":}", "NaN"})
    void rejectsWhatIsNotJson(String text) {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> PlainJson.parse(text));
        assertTrue(e.getMessage().contains(" at offset "), e.getMessage());
    }

    @Test
    void refusesDeepNestingWithItsOwnException() {
        String deep = "[".repeat(100_000);
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> PlainJson.parse(deep));
        assertTrue(e.getMessage().startsWith("nested deeper than"), e.getMessage());
    }

    @Test
    void quotesStringsAsJacksonDoes() {
        assertEquals("\"a\\\"\\\\\\n\\t\\u0001\\u001F\u00e9/\"",
                JsonStrings.quote("a\"\\\n\t\u0001\u001f\u00e9/", new StringBuilder()).toString());
    }
}
