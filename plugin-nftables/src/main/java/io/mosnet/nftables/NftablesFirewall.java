package io.mosnet.nftables;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.firewall.Firewall;
import io.mosnet.api.firewall.FirewallReport;
import io.mosnet.api.firewall.FirewallRequest;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code nftables} firewall: mosnet's tables built as one libnftables JSON document and applied through
 * libnftables in one transaction.
 *
 * <p>mosnet owns three tables and nothing else: {@code inet mosnet} ({@link FilterTable}), {@code ip mosnet-nat}
 * ({@link NatTable}) and, when {@code egress_mac_guard} is on, {@code netdev mosnet-egress} ({@link EgressMacGuard}).
 * Each apply replaces whole each table it is asked for that the kernel does not already have as asked ({@code add
 * table; delete table; add table; ...}, all of them in one batch), so applying twice leaves one copy, a table that
 * did not change keeps its counters, and a batch the kernel refuses leaves the previous ruleset untouched. An ABSENT
 * part is left alone; NONE (or {@code egress_mac_guard = false}) deletes mosnet's table for it.
 *
 * <p>The runtime finds it through ServiceLoader and uses the public constructor, which works in the daemon's own
 * network namespace. {@link #inNamespace(String)} targets a namespace made with {@code ip netns add}, for tests
 * and the lab.
 */
public final class NftablesFirewall implements Firewall {

    public static final String ID = "nftables";

    private static final Logger LOG = LoggerFactory.getLogger(NftablesFirewall.class);
    private static final List<TableRef> OWN_TABLES = List.of(TableRef.FILTER, TableRef.NAT, TableRef.EGRESS);

    private final Libnftables nft;

    /** libnftables in the caller's network namespace: the daemon's. */
    public NftablesFirewall() {
        this(Libnftables.currentNamespace());
    }

    NftablesFirewall(Libnftables nft) {
        this.nft = nft;
    }

    /**
     * A firewall that applies and reports in the network namespace {@code name} (bound at {@code /run/netns/NAME}),
     * whatever thread calls it. The {@link PluginContext} given to it must describe the same namespace: the egress
     * guard reads the uplink's MAC, and NAT switches on forwarding, through {@link PluginContext#network()}.
     */
    public static NftablesFirewall inNamespace(String name) {
        return new NftablesFirewall(Libnftables.inNamespace(name));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "nftables firewall, NAT and egress MAC guard through libnftables";
    }

    @Override
    public void apply(FirewallRequest request, PluginContext context) {
        NftablesSettings settings = NftablesSettings.parse(context.config().pluginSettings(ID));
        MacAddress uplinkMac = settings.egressMacGuard() == NftablesSettings.Toggle.ON && request.uplink() != null
                ? context.network().requireLink(request.uplink()).mac()
                : null;
        Batch batch = Ruleset.plan(request, settings, uplinkMac);
        if (batch.isEmpty()) {
            LOG.debug("firewall, NAT and egress guard are all unconfigured; leaving nftables alone");
            return;
        }
        String what = describe(request, settings);
        Batch changes = changes(batch);
        if (changes.isEmpty()) {
            LOG.info("{}: already in place, left as it is", what);
        } else {
            try {
                nft.run(changes.text());
            } catch (NftablesException e) {
                throw new NftablesException(what + ": " + e.getMessage(), e);
            }
            LOG.info("{}: done ({})", what, changed(changes));
        }
        if (request.nat() != null && NatTable.installs(request.nat())) {
            enableForwarding(context);
        }
    }

    @Override
    public FirewallReport report(PluginContext context) {
        ReportParser parser = new ReportParser();
        List<TableRef> present = parser.tables(run("listing nftables tables", new Batch().listTables()));
        List<FirewallReport.Table> tables = new ArrayList<>();
        for (TableRef table : OWN_TABLES) {
            if (present.contains(table)) {
                FirewallReport.Table t = parser.table(table, run("listing table " + table, new Batch().listTable(table)));
                // The ruleset fingerprint is bookkeeping, not a counter anybody reads.
                tables.add(new FirewallReport.Table(t.family(), t.name(), t.chains(), t.counters().stream()
                        .filter(c -> !c.name().startsWith(Batch.FINGERPRINT_PREFIX)).toList()));
            }
        }
        return new FirewallReport(tables);
    }

    /**
     * What of {@code batch} the kernel does not have yet, as one batch (one transaction): each table it builds whose
     * fingerprint counter is not in the kernel's copy, stamped with its fingerprint, and each table it removes that is
     * present. A table already in place is left out: applying it again would only reset its counters and handles,
     * which neither a restarted daemon nor a change to another table must do.
     */
    private Batch changes(Batch batch) {
        ReportParser parser = new ReportParser();
        List<TableRef> present = parser.tables(run("listing nftables tables", new Batch().listTables()));
        Batch changes = new Batch();
        for (var e : batch.tables().entrySet()) {
            TableRef table = e.getKey();
            if (!e.getValue()) {
                if (present.contains(table)) {
                    changes.append(batch, table);
                }
                continue;
            }
            String fingerprint = batch.fingerprint(table);
            if (present.contains(table)) {
                FirewallReport.Table listed = parser.table(table,
                        run("listing table " + table, new Batch().listTable(table)));
                if (listed.counters().stream()
                        .anyMatch(c -> c.name().equals(Batch.FINGERPRINT_PREFIX + fingerprint))) {
                    continue;
                }
            }
            changes.append(batch, table).stamp(table, fingerprint);
        }
        return changes;
    }

    private String run(String what, Batch batch) {
        try {
            return nft.run(batch.text());
        } catch (NftablesException e) {
            throw new NftablesException(what + ": " + e.getMessage(), e);
        }
    }

    /** NAT forwards between interfaces; without {@code net.ipv4.ip_forward=1} the kernel would not. */
    private static void enableForwarding(PluginContext context) {
        String key = "net.ipv4.ip_forward";
        if (!context.network().sysctl(key).map(String::strip).filter("1"::equals).isPresent()) {
            context.network().setSysctl(key, "1");
            LOG.info("{} set to 1 for NAT", key);
        }
    }

    /** "built inet mosnet, removed ip mosnet-nat": what an apply changed. */
    private static String changed(Batch changes) {
        StringBuilder b = new StringBuilder();
        for (var e : changes.tables().entrySet()) {
            b.append(b.isEmpty() ? "" : ", ").append(e.getValue() ? "built " : "removed ").append(e.getKey());
        }
        return b.toString();
    }

    private static String describe(FirewallRequest request, NftablesSettings settings) {
        FirewallSpec fw = request.firewall() == null ? FirewallSpec.absent() : request.firewall();
        NatSpec nat = request.nat() == null ? NatSpec.absent() : request.nat();
        return "applying nftables ruleset (firewall " + fw.policy().name().toLowerCase(Locale.ROOT) + " " + fw.rules()
                + ", nat " + nat.masquerade().name().toLowerCase(Locale.ROOT)
                + (nat.iface() == null ? "" : " " + nat.iface()) + " " + nat.forwards()
                + ", egress guard " + settings.egressMacGuard().name().toLowerCase(Locale.ROOT) + ")";
    }
}
