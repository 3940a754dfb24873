package io.mosnet.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The libnftables JSON expressions mosnet's rules are made of (libnftables-json(5), "EXPRESSIONS" and
 * "STATEMENTS"). Each factory returns a fresh tree, so a rule is assembled from values, never from text.
 */
final class Expr {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Expr() {
    }

    // ---- values on the left of a match

    /** {@code meta KEY}, e.g. {@code iifname}, {@code oifname}, {@code l4proto}. */
    static ObjectNode meta(String key) {
        return wrap("meta", JSON.objectNode().put("key", key));
    }

    /** {@code ct KEY}, e.g. {@code state}, {@code status}. */
    static ObjectNode ct(String key) {
        return wrap("ct", JSON.objectNode().put("key", key));
    }

    /** {@code PROTOCOL FIELD}, e.g. {@code tcp dport}, {@code ether saddr}, {@code icmpv6 type}. */
    static ObjectNode payload(String protocol, String field) {
        return wrap("payload", JSON.objectNode().put("protocol", protocol).put("field", field));
    }

    /** {@code fib daddr type}: the route type of the destination address (local, unicast, ...). */
    static ObjectNode fibDestinationType() {
        ObjectNode fib = JSON.objectNode().put("result", "type");
        fib.putArray("flags").add("daddr");
        return wrap("fib", fib);
    }

    // ---- values on the right of a match

    static JsonNode value(String text) {
        return JSON.textNode(text);
    }

    static JsonNode value(int number) {
        return JSON.numberNode(number);
    }

    /** An address prefix {@code fe80::/64}. */
    static ObjectNode prefix(String address, int length) {
        ObjectNode p = JSON.objectNode();
        p.put("addr", address);
        p.put("len", length);
        return wrap("prefix", p);
    }

    /** An anonymous set {@code { a, b, c }}. */
    static ObjectNode set(List<String> members) {
        ArrayNode array = JSON.arrayNode();
        members.forEach(array::add);
        return wrap("set", array);
    }

    /** A list of flag values, as {@code ct state established,related}. */
    static ArrayNode flags(String... flags) {
        ArrayNode array = JSON.arrayNode();
        for (String flag : flags) {
            array.add(flag);
        }
        return array;
    }

    // ---- matches

    static ObjectNode equal(JsonNode left, JsonNode right) {
        return match("==", left, right);
    }

    static ObjectNode notEqual(JsonNode left, JsonNode right) {
        return match("!=", left, right);
    }

    /** A bitmask test: true when any of the right-hand flags is set (nft prints it without an operator). */
    static ObjectNode anyOf(JsonNode left, JsonNode right) {
        return match("in", left, right);
    }

    private static ObjectNode match(String op, JsonNode left, JsonNode right) {
        ObjectNode match = JSON.objectNode().put("op", op);
        match.set("left", left);
        match.set("right", right);
        return wrap("match", match);
    }

    // ---- statements

    /** An anonymous counter: every rule of mosnet's has one, so {@code mosnet firewall} can show what matched. */
    static ObjectNode counter() {
        return wrap("counter", JSON.nullNode());
    }

    /** A reference to the named counter object {@code name} of the same table. */
    static ObjectNode counter(String name) {
        return wrap("counter", JSON.textNode(name));
    }

    static ObjectNode accept() {
        return wrap("accept", JSON.nullNode());
    }

    static ObjectNode drop() {
        return wrap("drop", JSON.nullNode());
    }

    static ObjectNode masquerade() {
        return wrap("masquerade", JSON.nullNode());
    }

    /** {@code dnat to ADDRESS:PORT}. */
    static ObjectNode dnat(String address, int port) {
        return wrap("dnat", JSON.objectNode().put("addr", address).put("port", port));
    }

    private static ObjectNode wrap(String name, JsonNode body) {
        ObjectNode node = JSON.objectNode();
        node.set(name, body);
        return node;
    }
}
