package io.mosnet.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a rule's JSON expressions the way {@code nft list} prints them ({@code tcp dport 22 counter packets 3
 * bytes 180 accept}), for {@code mosnet firewall}. It covers the expressions mosnet writes and the common ones
 * around them; anything else is shown as its compact JSON, so nothing is hidden.
 */
final class RuleText {

    /** meta keys nft prints without the {@code meta} prefix. */
    private static final Set<String> BARE_META = Set.of(
            "iif", "oif", "iifname", "oifname", "iiftype", "oiftype", "mark", "skuid", "skgid", "iifgroup", "oifgroup");
    private static final Set<String> VERDICTS = Set.of("accept", "drop", "continue", "return", "queue");

    private RuleText() {
    }

    static String render(JsonNode rule) {
        List<String> parts = new ArrayList<>();
        for (JsonNode expression : rule.path("expr")) {
            parts.add(statement(expression));
        }
        if (rule.hasNonNull("comment")) {
            parts.add("comment " + quote(rule.get("comment").asText()));
        }
        return String.join(" ", parts);
    }

    private static String statement(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return node.toString();
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        String kind = only.getKey();
        JsonNode body = only.getValue();
        if (VERDICTS.contains(kind)) {
            return kind;
        }
        return switch (kind) {
            case "match" -> match(body);
            case "counter" -> counter(body);
            case "jump", "goto" -> kind + " " + body.path("target").asText();
            case "masquerade" -> "masquerade";
            case "snat", "dnat" -> kind + " to " + natTarget(body);
            case "reject" -> "reject";
            case "log" -> body.hasNonNull("prefix") ? "log prefix " + quote(body.get("prefix").asText()) : "log";
            default -> node.toString();
        };
    }

    private static String match(JsonNode match) {
        String left = value(match.path("left"));
        String op = match.path("op").asText();
        boolean quoted = isInterfaceName(match.path("left"));
        String right = quoted && match.path("right").isTextual()
                ? quote(match.path("right").asText())
                : value(match.path("right"));
        // "==" and the flag test "in" are implicit in nft's syntax.
        return op.equals("==") || op.equals("in") ? left + " " + right : left + " " + op + " " + right;
    }

    private static boolean isInterfaceName(JsonNode left) {
        String key = left.path("meta").path("key").asText("");
        return key.equals("iifname") || key.equals("oifname");
    }

    private static String value(JsonNode v) {
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(value(i)));
            return String.join(",", items);
        }
        if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> only = v.properties().iterator().next();
            JsonNode b = only.getValue();
            switch (only.getKey()) {
                case "payload":
                    return b.path("protocol").asText() + " " + b.path("field").asText();
                case "meta":
                    String key = b.path("key").asText();
                    return BARE_META.contains(key) ? key : "meta " + key;
                case "ct":
                    return "ct " + b.path("key").asText();
                case "fib":
                    List<String> flags = new ArrayList<>();
                    b.path("flags").forEach(f -> flags.add(f.asText()));
                    return "fib " + String.join(" . ", flags) + " " + b.path("result").asText();
                case "set":
                    List<String> items = new ArrayList<>();
                    (b.isArray() ? b : List.of(b)).forEach(i -> items.add(value(i)));
                    return "{ " + String.join(", ", items) + " }";
                case "range":
                    return value(b.path(0)) + "-" + value(b.path(1));
                case "prefix":
                    return value(b.path("addr")) + "/" + b.path("len").asText();
                default:
                    return v.toString();
            }
        }
        return v.toString();
    }

    private static String counter(JsonNode body) {
        if (body.isTextual()) {
            return "counter name " + quote(body.asText());
        }
        if (body.isObject()) {
            return "counter packets " + body.path("packets").asLong() + " bytes " + body.path("bytes").asLong();
        }
        return "counter";
    }

    private static String natTarget(JsonNode body) {
        String addr = value(body.path("addr"));
        return body.has("port") ? addr + ":" + body.get("port").asText() : addr;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
