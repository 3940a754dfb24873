package io.mosnet.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text to and from Jackson's node trees, without Jackson's mapper. {@link #of}: compact JSON text of a node tree,
 * character for character what Jackson's {@code JsonNode.toString()} and
 * {@code ObjectMapper.writeValueAsString} give (members in insertion order, no spaces, the two-character escapes for
 * backspace, tab, newline, form feed and return, six-character ones for the other control characters, everything
 * else as it is), without Jackson's serializer machinery: on the interpreted start of a boot its set-up took a fifth
 * of a second, on the way to a network that waits for the firewall.
 */
final class JsonText {

    private static final String HEX = "0123456789ABCDEF";

    private JsonText() {
    }

    /**
     * The tree of a JSON text as {@code ObjectMapper.readTree} builds it: int nodes for integers that fit, long nodes
     * for the others up to 64 bits, double nodes for fractions and exponents.
     *
     * @throws IllegalArgumentException naming the offset and what was expected there
     */
    static JsonNode parse(String text) {
        Reader r = new Reader(text);
        r.space();
        JsonNode root = r.value();
        r.space();
        if (r.at < text.length()) {
            throw r.error("the end of the text");
        }
        return root;
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                boolean first = true;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(f.getKey(), out);
                    out.append(':');
                    write(f.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER, BOOLEAN -> out.append(node.asText());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("no JSON text for a " + node.getNodeType() + " node");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A recursive-descent reader of RFC 8259 JSON; libnftables' answers nest a few levels deep. */
    private static final class Reader {
        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        JsonNode value() {
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> NODES.textNode(string());
                case 't' -> literal("true", NODES.booleanNode(true));
                case 'f' -> literal("false", NODES.booleanNode(false));
                case 'n' -> literal("null", NODES.nullNode());
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("a value");
                }
            };
        }

        private ObjectNode object() {
            ObjectNode o = NODES.objectNode();
            at++;
            space();
            if (take('}')) {
                return o;
            }
            do {
                space();
                if (at >= text.length() || text.charAt(at) != '"') {
                    throw error("a member name");
                }
                String name = string();
                space();
                expect(':');
                space();
                o.set(name, value());
                space();
            } while (take(','));
            expect('}');
            return o;
        }

        private ArrayNode array() {
            ArrayNode a = NODES.arrayNode();
            at++;
            space();
            if (take(']')) {
                return a;
            }
            do {
                space();
                a.add(value());
                space();
            } while (take(','));
            expect(']');
            return a;
        }

        private String string() {
            at++; // the opening quote
            StringBuilder s = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("the end of the string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    throw error("no control character inside a string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("an escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = at < text.length() ? Character.digit(text.charAt(at), 16) : -1;
                            if (d < 0) {
                                throw error("four hex digits");
                            }
                            code = code * 16 + d;
                            at++;
                        }
                        s.append((char) code);
                    }
                    default -> {
                        at--;
                        throw error("an escape (one of \" \\ / b f n r t u)");
                    }
                }
            }
        }

        private JsonNode number() {
            int start = at;
            take('-');
            digits();
            boolean integral = true;
            if (take('.')) {
                integral = false;
                digits();
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                integral = false;
                at++;
                if (!take('+')) {
                    take('-');
                }
                digits();
            }
            String n = text.substring(start, at);
            if (!integral) {
                return NODES.numberNode(Double.parseDouble(n));
            }
            try {
                long v = Long.parseLong(n);
                return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
            } catch (NumberFormatException x) {
                return NODES.numberNode(new java.math.BigInteger(n));
            }
        }

        private void digits() {
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == start) {
                throw error("a digit");
            }
        }

        private JsonNode literal(String word, JsonNode node) {
            if (!text.startsWith(word, at)) {
                throw error("a value");
            }
            at += word.length();
            return node;
        }

        void space() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) {
                throw error("'" + c + "'");
            }
        }

        IllegalArgumentException error(String expected) {
            String found = at >= text.length() ? "the end of the text"
                    : "'" + text.substring(at, Math.min(text.length(), at + 12)) + "'";
            return new IllegalArgumentException("expected " + expected + " at offset " + at + ", found " + found);
        }
    }
}
