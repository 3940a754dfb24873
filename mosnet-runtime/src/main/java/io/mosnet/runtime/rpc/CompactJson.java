package io.mosnet.runtime.rpc;

import java.util.List;
import java.util.Map;

/**
 * Plain JSON values ({@link PlainJson}'s, {@link JsonTree}'s) on one line without blanks, as Jackson's
 * {@code writeValueAsString} wrote the API's messages: one message a line on the socket.
 */
public final class CompactJson {

    private CompactJson() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (PrettyJson.scalar(value, out)) {
            return;
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                JsonStrings.quote(String.valueOf(e.getKey()), out).append(':');
                write(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }
}
