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
 * Each apply replaces the tables it is asked for whole ({@code add table; delete table; add table; ...} in one
 * batch), so applying twice leaves one copy, and a batch the kernel refuses leaves the previous ruleset untouched.
 * An ABSENT part is left alone; NONE (or {@code egress_mac_guard = false}) deletes mosnet's table for it.
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
        String fingerprint = batch.fingerprint();
        if (inPlace(batch, fingerprint)) {
            LOG.info("{}: already in place, left as it is", what);
            return;
        }
        batch.stamp(fingerprint);
        try {
            nft.run(batch.text());
        } catch (NftablesException e) {
            throw new NftablesException(what + ": " + e.getMessage(), e);
        }
        LOG.info("{}: done", what);
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
     * Whether the kernel already has exactly what {@code batch} would build: every table it builds carries the
     * fingerprint counter, and every table it removes is absent. Then applying again would only reset counters and
     * handles, which a restarted daemon must not do.
     */
    private boolean inPlace(Batch batch, String fingerprint) {
        ReportParser parser = new ReportParser();
        List<TableRef> present = parser.tables(run("listing nftables tables", new Batch().listTables()));
        for (var e : batch.tables().entrySet()) {
            TableRef table = e.getKey();
            if (!e.getValue()) {
                if (present.contains(table)) {
                    return false;
                }
                continue;
            }
            if (!present.contains(table)) {
                return false;
            }
            FirewallReport.Table listed = parser.table(table, run("listing table " + table, new Batch().listTable(table)));
            if (listed.counters().stream().noneMatch(c -> c.name().equals(Batch.FINGERPRINT_PREFIX + fingerprint))) {
                return false;
            }
        }
        return true;
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

    private static String describe(FirewallRequest request, NftablesSettings settings) {
        FirewallSpec fw = request.firewall() == null ? FirewallSpec.absent() : request.firewall();
        NatSpec nat = request.nat() == null ? NatSpec.absent() : request.nat();
        return "applying nftables ruleset (firewall " + fw.policy().name().toLowerCase(Locale.ROOT) + " " + fw.rules()
                + ", nat " + nat.masquerade().name().toLowerCase(Locale.ROOT)
                + (nat.iface() == null ? "" : " " + nat.iface()) + " " + nat.forwards()
                + ", egress guard " + settings.egressMacGuard().name().toLowerCase(Locale.ROOT) + ")";
    }
}
