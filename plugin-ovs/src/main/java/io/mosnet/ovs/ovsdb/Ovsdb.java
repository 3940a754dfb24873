package io.mosnet.ovs.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for RFC 7047 values (section 5.1: {@code ["uuid",..]}, {@code ["named-uuid",..]}, {@code ["set",..]},
 * {@code ["map",..]}) and operations (section 5.2: insert, update, mutate, select, wait), and readers for the
 * values that come back.
 */
public final class Ovsdb {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Ovsdb() {
    }

    // ---- values

    public static ArrayNode uuid(String uuid) {
        return JSON.arrayNode().add("uuid").add(uuid);
    }

    public static ArrayNode namedUuid(String name) {
        return JSON.arrayNode().add("named-uuid").add(name);
    }

    public static ArrayNode set(Collection<? extends JsonNode> members) {
        ArrayNode items = JSON.arrayNode();
        members.forEach(items::add);
        return JSON.arrayNode().add("set").add(items);
    }

    public static ArrayNode stringSet(Collection<String> members) {
        ArrayNode items = JSON.arrayNode();
        members.forEach(items::add);
        return JSON.arrayNode().add("set").add(items);
    }

    public static ArrayNode map(Map<String, String> entries) {
        ArrayNode pairs = JSON.arrayNode();
        entries.forEach((k, v) -> pairs.add(JSON.arrayNode().add(k).add(v)));
        return JSON.arrayNode().add("map").add(pairs);
    }

    /** A where clause with one condition: {@code [[column, function, value]]}. */
    public static ArrayNode where(String column, String function, JsonNode value) {
        return JSON.arrayNode().add(JSON.arrayNode().add(column).add(function).add(value));
    }

    public static ArrayNode whereName(String name) {
        return where("name", "==", JSON.textNode(name));
    }

    public static ArrayNode whereUuid(String uuid) {
        return where("_uuid", "==", uuid(uuid));
    }

    public static ArrayNode all() {
        return JSON.arrayNode();
    }

    // ---- operations (RFC 7047 section 5.2)

    public static ObjectNode insert(String table, ObjectNode row, String uuidName) {
        ObjectNode op = JSON.objectNode().put("op", "insert").put("table", table);
        op.set("row", row);
        if (uuidName != null) {
            op.put("uuid-name", uuidName);
        }
        return op;
    }

    public static ObjectNode update(String table, ArrayNode where, ObjectNode row) {
        ObjectNode op = JSON.objectNode().put("op", "update").put("table", table);
        op.set("where", where);
        op.set("row", row);
        return op;
    }

    /** One mutation: {@code [column, mutator, value]}, e.g. {@code ["next_cfg","+=",1]}. */
    public static ObjectNode mutate(String table, ArrayNode where, String column, String mutator, JsonNode value) {
        ObjectNode op = JSON.objectNode().put("op", "mutate").put("table", table);
        op.set("where", where);
        op.set("mutations", JSON.arrayNode().add(JSON.arrayNode().add(column).add(mutator).add(value)));
        return op;
    }

    public static ObjectNode select(String table, ArrayNode where, List<String> columns) {
        ObjectNode op = JSON.objectNode().put("op", "select").put("table", table);
        op.set("where", where);
        ArrayNode cols = op.putArray("columns");
        columns.forEach(cols::add);
        return op;
    }

    /**
     * Waits until the rows selected by {@code where} projected on {@code columns} are ({@code "=="}) or are not
     * ({@code "!="}) exactly {@code rows}; the server fails the transaction after {@code timeoutMillis}.
     */
    public static ObjectNode wait(String table, ArrayNode where, List<String> columns, String until, ArrayNode rows,
                                  long timeoutMillis) {
        ObjectNode op = JSON.objectNode().put("op", "wait").put("timeout", timeoutMillis).put("table", table);
        op.set("where", where);
        ArrayNode cols = op.putArray("columns");
        columns.forEach(cols::add);
        op.put("until", until);
        op.set("rows", rows);
        return op;
    }

    public static ObjectNode row() {
        return JSON.objectNode();
    }

    // ---- reading values

    /** The UUID of a {@code ["uuid", "..."]} value. */
    public static String uuidOf(JsonNode value) {
        if (value != null && value.isArray() && value.size() == 2 && "uuid".equals(value.get(0).asText())) {
            return value.get(1).asText();
        }
        throw new OvsdbException("expected an OVSDB uuid value, got " + value);
    }

    /** The members of a set column; a single atom is a one-member set (RFC 7047 section 5.1). */
    public static List<JsonNode> setOf(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray() && value.size() == 2 && "set".equals(value.get(0).asText())) {
            value.get(1).forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    public static Map<String, String> mapOf(JsonNode value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value != null && value.isArray() && value.size() == 2 && "map".equals(value.get(0).asText())) {
            for (JsonNode pair : value.get(1)) {
                out.put(pair.get(0).asText(), pair.get(1).asText());
            }
        }
        return out;
    }

    /** An optional scalar column (a set of 0 or 1 atoms): the atom as text, or null when empty. */
    public static String optionalText(JsonNode value) {
        List<JsonNode> s = setOf(value);
        return s.isEmpty() ? null : s.get(0).asText();
    }

    public static Long optionalLong(JsonNode value) {
        List<JsonNode> s = setOf(value);
        return s.isEmpty() || !s.get(0).isNumber() ? null : s.get(0).asLong();
    }
}
