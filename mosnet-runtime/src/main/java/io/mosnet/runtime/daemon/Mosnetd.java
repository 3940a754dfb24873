package io.mosnet.runtime.daemon;

import io.mosnet.runtime.Logging;
import io.mosnet.runtime.Version;
import io.mosnet.runtime.config.ConfigException;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.plugin.PluginException;
import io.mosnet.runtime.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosnetd}: brings the host onto the network from the kernel command line, then keeps it there. */
@Command(name = "mosnetd", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Bare-metal network bootstrap daemon: reads mos* kernel parameters (and mosnet.toml), bridges "
                + "the host's NIC into bridge 'mos', configures addresses, routes, DNS, firewall and NAT, then stays "
                + "running for lease renewal and its JSON-RPC API.")
public final class Mosnetd implements Callable<Integer> {

    /** The plugin whose {@code ovsdb} setting {@code --ovsdb} fills when mosnet.toml leaves it out. */
    private static final String OVS_PLUGIN = "ovs";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cmdline", paramLabel = "FILE", description = "Kernel command line to read; lines starting "
            + "with # are comments (default: ${DEFAULT-VALUE}).")
    Path cmdline = Path.of("/proc/cmdline");

    @Option(names = "--config", paramLabel = "FILE", description = "TOML configuration; the kernel command line overrides it "
            + "(default: /etc/mosnet/mosnet.toml when present).")
    Path config;

    @Option(names = "--state-file", paramLabel = "FILE", description = "State file (default: ${DEFAULT-VALUE}).")
    Path stateFile = Path.of("/var/cache/etc/mosnet.json");

    @Option(names = "--socket", paramLabel = "FILE", description = "JSON-RPC socket (default: ${DEFAULT-VALUE}).")
    Path socket = Path.of("/run/mosnet/mosnet.sock");

    @Option(names = "--resolv-conf", paramLabel = "FILE", description = "resolv.conf to write (default: ${DEFAULT-VALUE}).")
    Path resolvConf = Path.of("/etc/resolv.conf");

    @Option(names = "--plugins", paramLabel = "DIR", description = "Drop-in plugin directory (default: the distribution's plugins/).")
    Path pluginsDir;

    @Option(names = "--ovsdb", paramLabel = "unix:PATH", description = "OVSDB server for the OVS backend; [plugins.ovs] ovsdb in "
            + "mosnet.toml wins (default: ${DEFAULT-VALUE}).")
    String ovsdb = "unix:/var/run/openvswitch/db.sock";

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn or error "
            + "(default: $MOSNET_LOG or info).")
    String logLevel;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Log file besides standard error; 'none': standard "
            + "error only, with dated lines, for a service manager that writes it to the log (default: ${DEFAULT-VALUE}).")
    Path logFile = Path.of("/var/log/mosnet.log");

    @Option(names = "--check", description = "Parse and validate the configuration, print the plan, change nothing.")
    boolean check;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs mosnetd with the given arguments and streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Mosnetd());
        cl.setOut(out);
        cl.setErr(err);
        cl.getCommandSpec().version("mosnetd " + Version.version() + " (plugin API " + Version.apiVersion() + ")");
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("mosnetd: " + ex.getMessage());
            err.println("Try 'mosnetd --help'.");
            return ExitCode.FATAL;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String level = logLevel != null ? logLevel : System.getenv("MOSNET_LOG");
        if (level == null && check) {
            level = "warn"; // --check prints the plan itself
        }
        boolean consoleOnly = logFile.toString().equals("none");
        String logWarning = Logging.configure(level, check || consoleOnly ? null : logFile, consoleOnly && !check);
        Logger log = LoggerFactory.getLogger(Mosnetd.class);
        if (logWarning != null) {
            log.warn(logWarning);
        }
        DaemonOptions options = options();
        ConfigLoader.Loaded loaded;
        PluginRegistry registry;
        try {
            loaded = ConfigLoader.load(options.cmdline(), options.config(), options.configGiven())
                    .withPluginDefault(OVS_PLUGIN, "ovsdb", options.ovsdb());
            loaded.warnings().forEach(w -> log.warn(w));
            registry = PluginRegistry.discover(options.pluginsDir(), Version.apiVersion());
            Plan plan = Plan.of(loaded, registry);
            if (check) {
                plan.print(out);
                return ExitCode.OK;
            }
            return new Daemon(options, loaded, plan).run();
        } catch (ConfigException e) {
            err.println("mosnetd: invalid configuration, nothing was changed:");
            warnings(options).forEach(w -> err.println("  (warning) " + w));
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCode.FATAL;
        } catch (PluginException e) {
            err.println("mosnetd: " + e.getMessage() + " Nothing was changed.");
            return ExitCode.FATAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK;
        } catch (Exception e) {
            log.error("mosnetd failed: {}", e.toString(), e);
            err.println("mosnetd: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** Warnings about the command line, shown beside configuration errors since they are often the cause. */
    private static java.util.List<String> warnings(DaemonOptions options) {
        java.util.List<String> w = new java.util.ArrayList<>();
        try {
            ConfigLoader.fromCmdline(java.nio.file.Files.readString(options.cmdline()), w);
        } catch (java.io.IOException e) {
            // the error itself already says the file cannot be read
        }
        return w;
    }

    private DaemonOptions options() {
        Path cfg = config != null ? config : Path.of("/etc/mosnet/mosnet.toml");
        Path plugins = pluginsDir != null ? pluginsDir : defaultPluginsDir();
        return new DaemonOptions(cmdline, cfg, config != null, stateFile, socket, resolvConf, plugins, ovsdb);
    }

    /** {@code <distribution>/plugins}, from the launcher's MOSNET_HOME; none when run from a build tree. */
    private static Path defaultPluginsDir() {
        String home = System.getenv("MOSNET_HOME");
        return home == null ? null : Path.of(home, "plugins");
    }
}
