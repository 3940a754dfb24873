package io.mosnet.runtime.daemon;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * mosnetd's command line. Parsed by hand rather than with picocli: the daemon sits on the boot path, and picocli's
 * reflective model building plus its Java 5 class files (which the JDK's AOT cache cannot hold) cost it well over
 * 100 ms before the first DHCPDISCOVER. Options take {@code --name VALUE} or {@code --name=VALUE}; the last one given
 * wins.
 */
final class DaemonArguments {

    static final String USAGE = """
            Usage: mosnetd [-hV] [--check] [--cmdline=FILE] [--config=FILE] [--log-file=FILE]
                           [--log-level=LEVEL] [--ovsdb=unix:PATH] [--plugins=DIR] [--resolv-conf=FILE]
                           [--socket=FILE] [--state-file=FILE]
            Bare-metal network bootstrap daemon: reads mos* kernel parameters (and mosnet.toml), bridges the host's
            NIC into bridge 'mos', configures addresses, routes, DNS, firewall and NAT, then stays running for lease
            renewal and its JSON-RPC API.
                  --cmdline=FILE       Kernel command line to read; lines starting with # are comments
                                         (default: /proc/cmdline).
                  --config=FILE        TOML configuration; the kernel command line overrides it
                                         (default: /etc/mosnet/mosnet.toml when present).
                  --state-file=FILE    State file (default: /var/cache/etc/mosnet.json).
                  --socket=FILE        JSON-RPC socket (default: /run/mosnet/mosnet.sock).
                  --resolv-conf=FILE   resolv.conf to write (default: /etc/resolv.conf).
                  --plugins=DIR        Drop-in plugin directory (default: the distribution's plugins/).
                  --ovsdb=unix:PATH    OVSDB server for the OVS backend; [plugins.ovs] ovsdb in mosnet.toml
                                         wins (default: unix:/var/run/openvswitch/db.sock).
                  --log-level=LEVEL    trace, debug, info, warn or error (default: $MOSNET_LOG or info).
                  --log-file=FILE      Log file besides standard error; 'none': standard error only, with
                                         dated lines, for a service manager that keeps the log
                                         (default: /var/log/mosnet.log).
                  --check              Parse and validate the configuration, print the plan, change nothing.
              -V, --version            Print the version and exit.
              -h, --help               Show this help and exit.
            """;

    Path cmdline = Path.of("/proc/cmdline");
    Path config;
    Path stateFile = Path.of("/var/cache/etc/mosnet.json");
    Path socket = Path.of("/run/mosnet/mosnet.sock");
    Path resolvConf = Path.of("/etc/resolv.conf");
    Path pluginsDir;
    String ovsdb = "unix:/var/run/openvswitch/db.sock";
    String logLevel;
    Path logFile = Path.of("/var/log/mosnet.log");
    boolean check;
    boolean version;
    boolean help;

    /** A command line mosnetd cannot run with; the message names the argument. */
    static final class ArgumentException extends Exception {
        ArgumentException(String message) {
            super(message);
        }
    }

    /** Options that take a value: name, label for messages, and where the value goes. */
    private static final Map<String, Valued> VALUED = new LinkedHashMap<>();

    private record Valued(String label, BiConsumer<DaemonArguments, String> setter) {
    }

    static {
        VALUED.put("--cmdline", new Valued("FILE", (a, v) -> a.cmdline = path(v)));
        VALUED.put("--config", new Valued("FILE", (a, v) -> a.config = path(v)));
        VALUED.put("--state-file", new Valued("FILE", (a, v) -> a.stateFile = path(v)));
        VALUED.put("--socket", new Valued("FILE", (a, v) -> a.socket = path(v)));
        VALUED.put("--resolv-conf", new Valued("FILE", (a, v) -> a.resolvConf = path(v)));
        VALUED.put("--plugins", new Valued("DIR", (a, v) -> a.pluginsDir = path(v)));
        VALUED.put("--ovsdb", new Valued("unix:PATH", (a, v) -> a.ovsdb = v));
        VALUED.put("--log-level", new Valued("LEVEL", (a, v) -> a.logLevel = v));
        VALUED.put("--log-file", new Valued("FILE", (a, v) -> a.logFile = path(v)));
    }

    static DaemonArguments parse(List<String> args) throws ArgumentException {
        DaemonArguments a = new DaemonArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--check" -> a.check = true;
                case "-V", "--version" -> a.version = true;
                case "-h", "--help" -> a.help = true;
                default -> {
                    int eq = arg.indexOf('=');
                    String name = eq > 0 ? arg.substring(0, eq) : arg;
                    Valued option = VALUED.get(name);
                    if (option == null) {
                        throw new ArgumentException(arg.startsWith("-") ? "Unknown option: '" + arg + "'"
                                : "Unmatched argument at index " + i + ": '" + arg + "'");
                    }
                    String value;
                    if (eq > 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new ArgumentException("Missing required parameter for option '" + name + "' ("
                                + option.label() + ")");
                    }
                    try {
                        option.setter().accept(a, value);
                    } catch (InvalidPathException e) {
                        throw new ArgumentException("Invalid value for option '" + name + "': '" + value + "' is not a "
                                + "path: " + e.getReason());
                    }
                }
            }
        }
        return a;
    }

    private static Path path(String value) {
        return Path.of(value);
    }
}
