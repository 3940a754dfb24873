package io.mosnet.runtime.rpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259) giving plain Java values: objects as {@code Map<String, Object>} in document order
 * (a repeated name keeps its first place and its last value, as Jackson's tree does), arrays as {@code List<Object>},
 * strings, {@link Boolean}, {@link JsonNumber} with the number's text as written, and {@code null}. It exists for the
 * CLI's hot path: Jackson's start-up (its ObjectMapper, and BigDecimal's static tables reached from its parser) costs
 * more than a whole {@code mosnet status} otherwise does.
 */
public final class PlainJson {

    /** Deeper documents are refused rather than risking the stack (mosnetd's answers nest a few levels). */
    static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;

    private PlainJson(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; throws {@link MalformedJsonException} saying where it is not JSON. */
    public static Object parse(String text) throws MalformedJsonException {
        PlainJson p = new PlainJson(text);
        p.skipBlanks();
        Object value = p.value(0);
        p.skipBlanks();
        if (p.pos != text.length()) {
            throw p.error("unexpected " + p.describe() + " after the value");
        }
        return value;
    }

    private Object value(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("unexpected " + describe());
            }
        };
    }

    private Map<String, Object> object(int depth) throws MalformedJsonException {
        pos++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipBlanks();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw error("expected a member name in quotes, found " + describe());
            }
            String name = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            members.put(name, value(depth + 1));
            skipBlanks();
            char c = peek();
            pos++;
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object, found " + describe());
            }
        }
    }

    private List<Object> array(int depth) throws MalformedJsonException {
        pos++;
        List<Object> items = new ArrayList<>();
        skipBlanks();
        if (peek() == ']') {
            pos++;
            return items;
        }
        while (true) {
            skipBlanks();
            items.add(value(depth + 1));
            skipBlanks();
            char c = peek();
            pos++;
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array, found " + describe());
            }
        }
    }

    private String string() throws MalformedJsonException {
        int start = ++pos;
        StringBuilder s = null;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String tail = text.substring(start, pos++);
                return s == null ? tail : s.append(tail).toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + hex4(c) + " in a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (s == null) {
                s = new StringBuilder();
            }
            s.append(text, start, pos);
            if (pos + 1 >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(pos + i), 16);
                        if (d < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + d;
                    }
                    s.append((char) code);
                    pos += 4;
                }
                default -> {
                    pos -= 1;
                    throw error("bad escape \\" + e);
                }
            }
            start = pos;
        }
    }

    /** RFC 8259 section 6: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private JsonNumber number() throws MalformedJsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("bad number");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            integral = false;
            if (!digits()) {
                throw error("bad number: no digits after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("bad number: no digits in the exponent");
            }
        }
        return new JsonNumber(text.substring(start, pos), integral);
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object value) throws MalformedJsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe());
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws MalformedJsonException {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describe());
        }
        pos++;
    }

    /** The character at the position, or NUL at the end (never valid where a peek decides anything). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        return c < 0x20 || c > 0x7e ? "U+" + hex4(c) : "'" + c + "'";
    }

    private static String hex4(char c) {
        String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(4 - h.length()) + h;
    }

    private MalformedJsonException error(String what) {
        return new MalformedJsonException(what + " at offset " + pos);
    }
}
