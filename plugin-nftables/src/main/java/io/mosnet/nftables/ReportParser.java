package io.mosnet.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosnet.api.firewall.FirewallReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads libnftables' JSON listings ({@code list tables}, {@code list table FAMILY NAME}; libnftables-json(5)) into
 * the report records. A listing is a flat array of objects ({@code {"table": ...}}, {@code {"chain": ...}},
 * {@code {"rule": ...}}, {@code {"counter": ...}}) tied together by table and chain names.
 */
final class ReportParser {

    /** The tables a {@code list tables} output names. */
    List<TableRef> tables(String listing) {
        List<TableRef> tables = new ArrayList<>();
        for (JsonNode item : items(listing, "list tables")) {
            JsonNode t = item.get("table");
            if (t != null) {
                tables.add(new TableRef(t.path("family").asText(), t.path("name").asText()));
            }
        }
        return tables;
    }

    /** One table from a {@code list table} output: chains in listing order, each with its rules. */
    FirewallReport.Table table(TableRef table, String listing) {
        List<JsonNode> items = items(listing, "list table " + table);
        Map<String, FirewallReport.Counter> counters = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode c = item.get("counter");
            if (c != null && belongs(c, table)) {
                String name = c.path("name").asText();
                counters.put(name, new FirewallReport.Counter(table.toString(), name,
                        c.path("packets").asLong(), c.path("bytes").asLong()));
            }
        }
        Map<String, JsonNode> chains = new LinkedHashMap<>();
        Map<String, List<FirewallReport.Rule>> rules = new HashMap<>();
        for (JsonNode item : items) {
            JsonNode chain = item.get("chain");
            if (chain != null && belongs(chain, table)) {
                chains.put(chain.path("name").asText(), chain);
            }
            JsonNode rule = item.get("rule");
            if (rule != null && belongs(rule, table)) {
                rules.computeIfAbsent(rule.path("chain").asText(), k -> new ArrayList<>()).add(rule(rule, counters));
            }
        }
        List<FirewallReport.Chain> result = new ArrayList<>();
        chains.forEach((name, chain) -> result.add(new FirewallReport.Chain(name,
                textOrNull(chain, "type"), textOrNull(chain, "hook"),
                chain.hasNonNull("prio") && chain.get("prio").isInt() ? chain.get("prio").intValue() : null,
                textOrNull(chain, "policy"), rules.getOrDefault(name, List.of()))));
        return new FirewallReport.Table(table.family(), table.name(), result, List.copyOf(counters.values()));
    }

    private static FirewallReport.Rule rule(JsonNode rule, Map<String, FirewallReport.Counter> named) {
        long packets = 0;
        long bytes = 0;
        for (JsonNode expression : rule.path("expr")) {
            JsonNode counter = expression.get("counter");
            if (counter == null) {
                continue;
            }
            if (counter.isObject()) {
                packets += counter.path("packets").asLong();
                bytes += counter.path("bytes").asLong();
            } else if (counter.isTextual() && named.containsKey(counter.asText())) {
                packets += named.get(counter.asText()).packets();
                bytes += named.get(counter.asText()).bytes();
            }
        }
        return new FirewallReport.Rule(rule.path("handle").asLong(), RuleText.render(rule), packets, bytes);
    }

    private List<JsonNode> items(String listing, String what) {
        JsonNode root;
        try {
            root = JsonText.parse(listing);
        } catch (IllegalArgumentException e) {
            throw new NftablesException("libnftables' answer to '" + what + "' is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("nftables").isArray()) {
            throw new NftablesException("libnftables' answer to '" + what + "' has no \"nftables\" array: "
                    + abbreviate(listing));
        }
        List<JsonNode> items = new ArrayList<>();
        root.get("nftables").forEach(items::add);
        return items;
    }

    private static boolean belongs(JsonNode object, TableRef table) {
        return table.family().equals(object.path("family").asText())
                && table.name().equals(object.path("table").asText());
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
