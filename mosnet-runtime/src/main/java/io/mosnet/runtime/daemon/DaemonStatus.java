package io.mosnet.runtime.daemon;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.state.StateStore;
import io.mosnet.runtime.state.StateWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's state, changed in one place: every change builds a new {@link DaemonState} snapshot, which the API
 * serves at once and which a {@link StateWriter} puts in the state file (atomically) a few milliseconds later, off
 * the thread that made the change.
 */
public final class DaemonStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonStatus.class);

    /** The mutable fields of a state, edited under the status lock. */
    public static final class Draft {
        public String phase = "starting";
        public String nic;
        public String hostInterface;
        public String backend;
        public List<String> addresses = new ArrayList<>();
        public List<RouteState> routes = new ArrayList<>();
        public List<String> dns = new ArrayList<>();
        public List<String> searchDomains = new ArrayList<>();
        public Map<String, LeaseState> leases = new LinkedHashMap<>();
        public List<String> delegatedPrefixes = new ArrayList<>();
        public Map<String, Object> firewall;
        public Map<String, Object> nat;
        public Set<String> problems = new LinkedHashSet<>();
        public Map<String, Object> backendInfo = new LinkedHashMap<>();
        public String topology;
        /** By bridge, in the topology plan's order. */
        public Map<String, UplinkState> uplinks = new LinkedHashMap<>();
    }

    private final StateWriter writer;
    private final Clock clock;
    private final String mode;
    private final String bridge;
    private final List<PluginInfo> plugins;
    private final Instant startedAt;
    private final Draft draft = new Draft();
    private volatile DaemonState current;

    public DaemonStatus(StateStore store, Clock clock, String mode, String bridge, List<PluginInfo> plugins) {
        this.writer = new StateWriter(store,
                // The network matters more than the file: keep running, say why the file is stale.
                e -> LOG.error("cannot write state file: {}", e.getMessage()));
        this.clock = clock;
        this.mode = mode;
        this.bridge = bridge;
        this.plugins = List.copyOf(plugins);
        this.startedAt = clock.instant();
        this.current = build();
    }

    /** The latest snapshot; safe from any thread. */
    public DaemonState snapshot() {
        return current;
    }

    /** Applies a change and, when it changed anything, has the state file written. */
    public synchronized void update(Consumer<Draft> change) {
        change.accept(draft);
        DaemonState next = build();
        if (sameContent(next, current)) {
            return;
        }
        current = next;
        writer.submit(next);
    }

    /** Holds the state file's writes back for at most {@code max} or until {@link #flush} (start-up). */
    public void holdWrites(java.time.Duration max) {
        writer.hold(max);
    }

    /** Waits until the state file holds the latest snapshot (or its write failed and was logged). */
    public void flush() throws InterruptedException {
        writer.flush();
    }

    private DaemonState build() {
        return new DaemonState(DaemonState.SCHEMA_VERSION, mode, draft.phase, draft.nic, bridge, draft.hostInterface,
                draft.backend, draft.addresses, draft.routes, draft.dns, draft.searchDomains, draft.leases,
                draft.delegatedPrefixes, draft.firewall, draft.nat, plugins, List.copyOf(draft.problems),
                withoutNulls(draft.backendInfo), startedAt, clock.instant(), draft.topology,
                List.copyOf(draft.uplinks.values()));
    }

    /** A backend's inspect map may hold nulls (OVS without ovs_version); the state's immutable map cannot. */
    private static Map<String, Object> withoutNulls(Map<String, Object> info) {
        Map<String, Object> out = new LinkedHashMap<>(info);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    private static boolean sameContent(DaemonState a, DaemonState b) {
        return b != null && a.phase().equals(b.phase()) && java.util.Objects.equals(a.nic(), b.nic())
                && java.util.Objects.equals(a.hostInterface(), b.hostInterface())
                && java.util.Objects.equals(a.backend(), b.backend()) && a.addresses().equals(b.addresses())
                && a.routes().equals(b.routes()) && a.dns().equals(b.dns())
                && a.searchDomains().equals(b.searchDomains()) && a.leases().equals(b.leases())
                && a.delegatedPrefixes().equals(b.delegatedPrefixes())
                && java.util.Objects.equals(a.firewall(), b.firewall()) && java.util.Objects.equals(a.nat(), b.nat())
                && a.problems().equals(b.problems()) && a.backendInfo().equals(b.backendInfo())
                && java.util.Objects.equals(a.topology(), b.topology()) && a.uplinks().equals(b.uplinks());
    }
}
