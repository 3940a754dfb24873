package io.mosnet.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The table of each command, in order (null for listings, which name none or are not part of a table). */
    private final List<TableRef> owners = new ArrayList<>();
    /** Tables this batch touches: true when it builds them, false when it only removes them. */
    private final Map<TableRef, Boolean> tables = new LinkedHashMap<>();

    /**
     * Replaces {@code table} with an empty one: {@code add table} (a no-op when it exists, so the {@code delete}
     * cannot fail on a first run), {@code delete table} (with every chain, rule and counter in it), {@code add
     * table}. Re-applying therefore leaves exactly one copy, and no moment exists where half a ruleset is loaded.
     */
    Batch replaceTable(TableRef table) {
        removeTable(table);
        tables.put(table, true);
        return command(table, "add", "table", tableObject(table));
    }

    /** Deletes {@code table} if it exists ({@code add} first makes the {@code delete} valid on any ruleset). */
    Batch removeTable(TableRef table) {
        tables.put(table, false);
        command(table, "add", "table", tableObject(table));
        return command(table, "delete", "table", tableObject(table));
    }

    Batch addChain(TableRef table, BaseChain chain) {
        ObjectNode body = inTable(table).put("name", chain.name()).put("type", chain.type()).put("hook", chain.hook());
        if (chain.device() != null) {
            body.put("dev", chain.device());
        }
        body.put("prio", chain.priority()).put("policy", chain.policy());
        return command(table, "add", "chain", body);
    }

    /** A named counter object, readable on its own ({@code list counter}) and shared by the rules naming it. */
    Batch addCounter(TableRef table, String name) {
        return command(table, "add", "counter", inTable(table).put("name", name));
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
        return command(table, "add", "rule", body);
    }

    /** {@code list tables}: every table of every family, names only. */
    Batch listTables() {
        return command(null, "list", "tables", null);
    }

    /** {@code list table FAMILY NAME}: the table with its chains, rules and counters. */
    Batch listTable(TableRef table) {
        return command(null, "list", "table", tableObject(table));
    }

    /** The tables this batch builds (true) or removes (false), in order. */
    Map<TableRef, Boolean> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /**
     * A short hash of the commands for {@code table} (the text of a batch of them alone): two batches with the same fingerprint for a table build the
     * same table. Stamped into it ({@link #stamp}), so that a later apply can tell that the kernel already has this
     * table and leave it alone (counters and handles included) instead of rebuilding it, table by table: a NAT table
     * that follows a new default route leaves the filter's and the egress guard's counters as they are.
     *
     * <p>64-bit FNV-1a over that text: it tells mosnet's own tables apart (they come from the root-owned
     * configuration, so no one crafts collisions), without the JDK's security providers, whose set-up for
     * {@code MessageDigest} was a fifth of the firewall's cost on a boot that waits for it. (Versions that stamped
     * another hash see a different stamp once and rebuild their tables once, counters included.)
     */
    String fingerprint(TableRef table) {
        long h = 0xcbf29ce484222325L;
        for (byte b : new Batch().append(this, table).text().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return java.util.HexFormat.of().toHexDigits(h);
    }

    /** Adds the fingerprint counter to {@code table}, which this batch builds. */
    Batch stamp(TableRef table, String fingerprint) {
        return addCounter(table, FINGERPRINT_PREFIX + fingerprint);
    }

    /** Appends every command of {@code other} that belongs to {@code table}: building or removing it. */
    Batch append(Batch other, TableRef table) {
        for (int i = 0; i < other.commands.size(); i++) {
            if (table.equals(other.owners.get(i))) {
                commands.add(other.commands.get(i).deepCopy());
                owners.add(table);
            }
        }
        Boolean built = other.tables.get(table);
        if (built != null) {
            tables.put(table, built);
        }
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

    private Batch command(TableRef table, String verb, String kind, ObjectNode body) {
        ObjectNode object = JSON.objectNode();
        object.set(kind, body == null ? JSON.nullNode() : body);
        commands.addObject().set(verb, object);
        owners.add(table);
        return this;
    }

    private static ObjectNode tableObject(TableRef table) {
        return JSON.objectNode().put("family", table.family()).put("name", table.name());
    }

    private static ObjectNode inTable(TableRef table) {
        return JSON.objectNode().put("family", table.family()).put("table", table.name());
    }
}
