package io.mosnet.runtime.daemon;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.firewall.FirewallRequest;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.api.topology.TopologyRequest;
import io.mosnet.runtime.Logging;
import io.mosnet.runtime.probe.CandidateNics;
import java.util.HashSet;
import java.util.Set;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.RouteState;
import io.mosnet.runtime.Version;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.RpcServer;
import io.mosnet.runtime.state.StateLoadResult;
import io.mosnet.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: opens the API first (so that {@code mosnet status} answers during retries), configures the
 * host per the plan with retries, then stays for renewals and the API until SIGTERM, which leaves the network as it
 * is and removes the socket.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    /**
     * How long the state file's writes wait at start-up at most: until the network is configured they would take
     * CPU from it (JSON, on the second core the probe's and bridge's threads share) while nothing reads the file.
     */
    private static final java.time.Duration STATE_HOLD = java.time.Duration.ofMillis(250);
    /** How a failed apply for a moved default route shows among the problems, until an apply succeeds. */
    private static final String FOLLOW_PROBLEM = "firewall for the moved default route: ";

    private final DaemonOptions options;
    private final ConfigLoader.Loaded loaded;
    private final MosnetConfig config;
    private final Plan plan;
    private final Clock clock = Clock.systemUTC();
    private final ServiceNotifier notifier;
    /** Uplinks built so far: bridge to NIC. */
    private final Map<String, String> built = new LinkedHashMap<>();
    /** With {@code mosnat=snat}: applies the firewall again when the default route moves. */
    private SnatFollower snatFollower;
    /** The problem the last failed attempt to configure reported, until the next attempt or success. */
    private volatile String retryProblem;

    public Daemon(DaemonOptions options, ConfigLoader.Loaded loaded, Plan plan) {
        this(options, loaded, plan, ServiceNotifier.fromEnvironment(System.getenv()));
    }

    public Daemon(DaemonOptions options, ConfigLoader.Loaded loaded, Plan plan, ServiceNotifier notifier) {
        this.options = options;
        this.loaded = loaded;
        this.config = loaded.config();
        this.plan = plan;
        this.notifier = notifier;
    }

    public int run() throws Exception {
        StateStore store = new StateStore(options.stateFile());
        StateLoadResult previous = store.load();
        DaemonStatus status = new DaemonStatus(store, clock, config.mode().label(), config.bridgeName(),
                plan.registry().infos());
        status.holdWrites(STATE_HOLD);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mosnet-timers");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        try (NetlinkHostNetwork net = NetlinkHostNetwork.open()) {
            RuntimeContext ctx = new RuntimeContext(config, net, clock, scheduler);
            createParent(options.socket());
            RpcServer rpc = RpcServer.builder(options.socket(), DaemonMethods.registry(
                    new LiveDaemonView(status, ctx, plan, loaded, options), Version.version())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // A boot daemon leaves the network as it is; only the API goes.
                LOG.info("stopping: the network stays configured; closing the API socket");
                notifier.stopping();
                rpc.close();
                flush(status);
                Logging.flush(1000); // stopped early in the boot: what was kept still reaches the log
                stopped.countDown();
            }, "mosnet-shutdown"));

            Retrier retrier = new Retrier(Backoff.standard(), d -> Thread.sleep(d.toMillis()),
                    cause -> {
                        status.update(s -> {
                            s.phase = "retrying";
                            // Only the last attempt's cause: what other parts report (a carrier lost, a lease
                            // declined) stays theirs to clear.
                            s.problems.remove(retryProblem);
                            s.problems.add(cause);
                        });
                        retryProblem = cause;
                        notifier.status("retrying: " + cause);
                    });
            status.update(s -> s.phase = "configuring");
            notifier.status("configuring " + config.mode().label() + " mode");
            filterFirst(ctx);
            retrier.run("configure " + config.mode().label() + " mode", () -> {
                configureUplinks(ctx, status, previous);
                applyFirewall(ctx, status);
                return null;
            });
            status.update(s -> {
                s.phase = "running";
                s.problems.remove(retryProblem);
            });
            LOG.info("network configured in {} mode on {} via {}", config.mode().label(), status.snapshot().nic(),
                    config.bridgeName());
            // Only now, with the state file saying so: a Type=notify unit holds network-online.target back until
            // this message.
            status.flush();
            Logging.release();
            // The network is up: now the API's JSON can be readied, off the main thread, for the first client.
            Thread.ofPlatform().daemon().name("mosnet-api-prepare").start(() -> rpc.prepare(status.snapshot()));
            notifier.ready("running: " + config.mode().label() + " mode, " + status.snapshot().nic() + " in "
                    + config.bridgeName() + ", " + String.join(" ", status.snapshot().addresses()));
            stopped.await();
            return ExitCode.OK;
        }
    }

    /**
     * Asks the topology for its plan and builds each uplink in order, the primary first; each later uplink probes
     * only the NICs the earlier ones did not take.
     */
    private void configureUplinks(RuntimeContext ctx, DaemonStatus status, StateLoadResult previous)
            throws InterruptedException {
        List<String> known = new java.util.ArrayList<>(List.of(config.bridgeName()));
        if (config.uplink2() != null) {
            known.add(io.mosnet.api.config.SecondaryUplink.BRIDGE_NAME);
        }
        TopologyPlan topology = plan.topology().plan(new TopologyRequest(
                CandidateNics.select(ctx.network().links(), known)), ctx);
        List<String> bridges = topology.uplinks().stream().map(TopologyPlan.Uplink::bridgeName).toList();
        status.update(s -> s.topology = plan.topology().id());
        // A retry after a later uplink failed keeps the earlier ones (their DHCP clients run on).
        Set<String> taken = new HashSet<>(built.values());
        for (TopologyPlan.Uplink uplink : topology.uplinks()) {
            if (built.containsKey(uplink.bridgeName())) {
                continue;
            }
            Link nic;
            if (uplink.mode() == Mode.STATIC) {
                nic = new StaticMode(ctx, plan, status, uplink, bridges, previous).configure(taken);
            } else {
                nic = new DhcpMode(ctx, plan, status, previous, options.resolvConf(), uplink, bridges)
                        .configure(taken);
            }
            taken.add(nic.name());
            built.put(uplink.bridgeName(), nic.name());
        }
    }

    /**
     * The firewall before any NIC or bridge comes up, so that the host is never reachable unfiltered: the rules as far
     * as they are known before the uplinks are (the default route will be on the primary bridge; the egress MAC guard
     * needs the chosen NIC and comes with {@link #applyFirewall} once it is known). A failure here does not keep the
     * host off the network (a server without a console would be lost): it is logged, and the complete apply after the
     * uplinks retries it and reports it as the daemon's problem.
     */
    private void filterFirst(RuntimeContext ctx) {
        if (plan.firewall() == null) {
            return;
        }
        try {
            plan.firewall().apply(new FirewallRequest(config.firewall(), config.nat(), config.bridgeName(),
                    config.bridgeName(), null), ctx);
        } catch (RuntimeException e) {
            LOG.error("firewall before the network: {}; bringing the network up unfiltered, the firewall is retried "
                    + "once the uplinks are up", e.getMessage());
        }
    }

    /** The complete firewall once the uplinks are up; with {@code mosnat=snat}, from then on the default route too. */
    private void applyFirewall(RuntimeContext ctx, DaemonStatus status) {
        if (plan.firewall() == null) {
            return;
        }
        String defaultIface = SnatFollower.defaultInterface(ctx.network());
        applyFirewall(ctx, status, defaultIface);
        if (config.nat().masquerade() == NatSpec.Masquerade.DEFAULT_ROUTE && snatFollower == null) {
            if (defaultIface == null) {
                LOG.warn("mosnat=snat: the host has no IPv4 default route yet; port forwards are in, masquerading "
                        + "starts on the default route's interface once there is one");
            }
            snatFollower = new SnatFollower(ctx.network(), ctx.scheduler(), iface -> applyFirewall(ctx, status, iface),
                    why -> status.update(s -> {
                        s.problems.removeIf(p -> p.startsWith(FOLLOW_PROBLEM));
                        if (why != null) {
                            s.problems.add(FOLLOW_PROBLEM + why);
                        }
                    }));
            snatFollower.start(defaultIface);
        }
    }

    private void applyFirewall(RuntimeContext ctx, DaemonStatus status, String defaultIface) {
        plan.firewall().apply(new FirewallRequest(config.firewall(), config.nat(), defaultIface, config.bridgeName(),
                status.snapshot().nic()), ctx);
        status.update(s -> {
            s.firewall = firewallSummary(config.firewall());
            s.nat = natSummary(config.nat(), defaultIface);
        });
    }

    static Map<String, Object> firewallSummary(FirewallSpec f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", f.policy().name().toLowerCase(java.util.Locale.ROOT));
        m.put("open", f.rules().stream().map(Object::toString).toList());
        return m;
    }

    static Map<String, Object> natSummary(NatSpec n, String defaultIface) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("masquerade", switch (n.masquerade()) {
            case ABSENT -> "absent";
            case NONE -> "none";
            case DEFAULT_ROUTE -> defaultIface == null ? "default route (none yet)" : defaultIface;
            case INTERFACE -> n.iface();
        });
        m.put("forwards", n.forwards().stream().map(Object::toString).toList());
        return m;
    }

    static List<RouteState> routeStates(List<Route> routes, String device) {
        return routes.stream().map(r -> new RouteState(r.destination().toString(),
                r.gateway() == null ? null : IpAddresses.format(r.gateway()), device, r.onlink())).toList();
    }

    private static void flush(DaemonStatus status) {
        try {
            status.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void createParent(Path file) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
