package io.mosnet.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A libnftables JSON command batch, {@code {"nftables": [ {"add": ...}, {"delete": ...} ]}}. libnftables sends a
 * whole batch to the kernel as one netlink transaction: either every command takes effect or none does.
 */
final class Batch {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Prefix of the named counter that records which ruleset a table was built from. */
    static final String FINGERPRINT_PREFIX = "mosnet-ruleset-";

    private final ObjectNode document = JSON.objectNode();
    private final ArrayNode commands = document.putArray("nftables");
    /** Tables this batch touches: true when it builds them, false when it only removes them. */
    private final java.util.Map<TableRef, Boolean> tables = new java.util.LinkedHashMap<>();

    /**
     * Replaces {@code table} with an empty one: {@code add table} (a no-op when it exists, so the {@code delete}
     * cannot fail on a first run), {@code delete table} (with every chain, rule and counter in it), {@code add
     * table}. Re-applying therefore leaves exactly one copy, and no moment exists where half a ruleset is loaded.
     */
    Batch replaceTable(TableRef table) {
        removeTable(table);
        tables.put(table, true);
        return command("add", "table", tableObject(table));
    }

    /** Deletes {@code table} if it exists ({@code add} first makes the {@code delete} valid on any ruleset). */
    Batch removeTable(TableRef table) {
        tables.put(table, false);
        command("add", "table", tableObject(table));
        return command("delete", "table", tableObject(table));
    }

    Batch addChain(TableRef table, BaseChain chain) {
        ObjectNode body = inTable(table).put("name", chain.name()).put("type", chain.type()).put("hook", chain.hook());
        if (chain.device() != null) {
            body.put("dev", chain.device());
        }
        body.put("prio", chain.priority()).put("policy", chain.policy());
        return command("add", "chain", body);
    }

    /** A named counter object, readable on its own ({@code list counter}) and shared by the rules naming it. */
    Batch addCounter(TableRef table, String name) {
        return command("add", "counter", inTable(table).put("name", name));
    }

    /**
     * Appends a rule.
     *
     * @param comment shown by {@code nft list}, e.g. the service a port came from; null for none
     */
    Batch addRule(TableRef table, String chain, String comment, List<? extends JsonNode> expressions) {
        ObjectNode body = inTable(table).put("chain", chain);
        if (comment != null) {
            body.put("comment", comment);
        }
        body.putArray("expr").addAll(expressions);
        return command("add", "rule", body);
    }

    /** {@code list tables}: every table of every family, names only. */
    Batch listTables() {
        return command("list", "tables", null);
    }

    /** {@code list table FAMILY NAME}: the table with its chains, rules and counters. */
    Batch listTable(TableRef table) {
        return command("list", "table", tableObject(table));
    }

    /** The tables this batch builds (true) or removes (false), in order. */
    java.util.Map<TableRef, Boolean> tables() {
        return java.util.Collections.unmodifiableMap(tables);
    }

    /**
     * A short hash of the whole document: two batches with the same fingerprint build the same tables. Stamped into
     * every table it builds ({@link #stamp}), so a later apply can tell that the kernel already has this ruleset and
     * leave it alone (counters and handles included) instead of rebuilding it.
     *
     * <p>64-bit FNV-1a over the document's text: it tells mosnet's own rulesets apart (they come from the root-owned
     * configuration, so no one crafts collisions), without the JDK's security providers, whose set-up for
     * {@code MessageDigest} was a fifth of the firewall's cost on a boot that waits for it. (Versions that stamped a
     * SHA-256 prefix see a different stamp once and rebuild the tables once, counters included.)
     */
    String fingerprint() {
        long h = 0xcbf29ce484222325L;
        for (byte b : text().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return java.util.HexFormat.of().toHexDigits(h);
    }

    /** Adds the fingerprint counter to every table this batch builds. */
    Batch stamp(String fingerprint) {
        tables.forEach((table, built) -> {
            if (built) {
                addCounter(table, FINGERPRINT_PREFIX + fingerprint);
            }
        });
        return this;
    }

    boolean isEmpty() {
        return commands.isEmpty();
    }

    ObjectNode document() {
        return document.deepCopy();
    }

    /** The document as libnftables reads it: compact JSON. */
    String text() {
        return JsonText.of(document);
    }

    private Batch command(String verb, String kind, ObjectNode body) {
        ObjectNode object = JSON.objectNode();
        object.set(kind, body == null ? JSON.nullNode() : body);
        commands.addObject().set(verb, object);
        return this;
    }

    private static ObjectNode tableObject(TableRef table) {
        return JSON.objectNode().put("family", table.family()).put("name", table.name());
    }

    private static ObjectNode inTable(TableRef table) {
        return JSON.objectNode().put("family", table.family()).put("table", table.name());
    }
}
