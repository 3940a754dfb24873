package io.mosnet.runtime.daemon;

import io.mosnet.runtime.Logging;
import io.mosnet.runtime.Version;
import io.mosnet.runtime.config.ConfigException;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.plugin.PluginException;
import io.mosnet.runtime.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code mosnetd}: brings the host onto the network from the kernel command line, then keeps it there. */
public final class Mosnetd {

    /** The plugin whose {@code ovsdb} setting {@code --ovsdb} fills when mosnet.toml leaves it out. */
    private static final String OVS_PLUGIN = "ovs";

    private final DaemonArguments args;
    private final PrintWriter out;
    private final PrintWriter err;

    private Mosnetd(DaemonArguments args, PrintWriter out, PrintWriter err) {
        this.args = args;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (startsDaemon(args)) {
            BackgroundPreinit.start(); // first of all: the daemon's own set-up overlaps it
        }
        int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        Logging.flush(2000); // what was logged while tinylog was still being set up
        System.exit(status);
    }

    /** Not --check, --help or --version: only a daemon on its way to the network needs the head start. */
    private static boolean startsDaemon(String[] args) {
        for (String a : args) {
            if (a.equals("--check") || a.equals("--help") || a.equals("--version") || a.equals("-h")
                    || a.equals("-V")) {
                return false;
            }
        }
        return true;
    }

    /** Runs mosnetd with the given arguments and streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        DaemonArguments parsed;
        try {
            parsed = DaemonArguments.parse(List.of(args));
        } catch (DaemonArguments.ArgumentException e) {
            err.println("mosnetd: " + e.getMessage());
            err.println("Try 'mosnetd --help'.");
            return ExitCode.FATAL;
        }
        if (parsed.help) {
            out.print(DaemonArguments.USAGE);
            out.flush();
            return ExitCode.OK;
        }
        if (parsed.version) {
            out.println("mosnetd " + Version.version() + " (plugin API " + Version.apiVersion() + ")");
            return ExitCode.OK;
        }
        return new Mosnetd(parsed, out, err).call();
    }

    private int call() {
        boolean check = args.check;
        String level = args.logLevel != null ? args.logLevel : System.getenv("MOSNET_LOG");
        if (level == null && check) {
            level = "warn"; // --check prints the plan itself
        }
        boolean consoleOnly = args.logFile != null && args.logFile.toString().equals("none");
        String logWarning = Logging.configure(level, args.check || consoleOnly ? null : args.logFile,
                consoleOnly && !args.check);
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
        Path cfg = args.config != null ? args.config : Path.of("/etc/mosnet/mosnet.toml");
        Path plugins = args.pluginsDir != null ? args.pluginsDir : defaultPluginsDir();
        return new DaemonOptions(args.cmdline, cfg, args.config != null, args.stateFile, args.socket, args.resolvConf,
                plugins, args.ovsdb);
    }

    /** {@code <distribution>/plugins}, from the launcher's MOSNET_HOME; none when run from a build tree. */
    private static Path defaultPluginsDir() {
        String home = System.getenv("MOSNET_HOME");
        return home == null ? null : Path.of(home, "plugins");
    }
}
