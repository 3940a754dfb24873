package io.mosnet.runtime.rpc;

import java.util.List;
import java.util.Map;

/**
 * Plain JSON values ({@link PlainJson}'s: maps in their own order, lists, strings, numbers, booleans, null) printed
 * exactly as Jackson's default pretty printer prints the same tree, so that {@code mosnet --json} and the state file
 * give the same bytes whichever path produced them: objects one member a line indented by two spaces per enclosing
 * object, {@code "name" : value}, arrays on one line as {@code [ a, b ]}, empty ones as <code>{ }</code> and
 * {@code [ ]}. Java numbers print as Jackson prints them ({@code Double.toString} for fractions).
 */
public final class PrettyJson {

    private PrettyJson() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    /** As Jackson's tree holds a number: integers exactly, anything with a fraction or exponent as a double. */
    private static String number(JsonNumber n) {
        if (n.integral()) {
            return n.text().equals("-0") ? "0" : n.text();
        }
        return Double.toString(Double.parseDouble(n.text()));
    }

    private static void write(Object value, int depth, StringBuilder out) {
        if (scalar(value, out)) {
            return;
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth, out);
        } else if (value instanceof List<?> list) {
            array(list, depth, out);
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }

    /**
     * Appends {@code value} if it is null, a string, a number or a boolean, as Jackson writes it, and says whether
     * it was one of those. Shared with {@link CompactJson}.
     */
    // Plain if/instanceof rather than a pattern switch: a switch on types costs a bootstrap at first use.
    static boolean scalar(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JsonStrings.quote(s, out);
        } else if (value instanceof JsonNumber n) {
            out.append(number(n));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else {
            return false;
        }
        return true;
    }

    private static void object(Map<?, ?> map, int depth, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{ }");
            return;
        }
        out.append('{');
        boolean first = true;
        for (var e : map.entrySet()) {
            out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
            JsonStrings.quote(String.valueOf(e.getKey()), out).append(" : ");
            write(e.getValue(), depth + 1, out);
            first = false;
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void array(List<?> list, int depth, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            write(list.get(i), depth, out);
        }
        out.append(" ]");
    }
}
