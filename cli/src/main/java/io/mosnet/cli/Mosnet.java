package io.mosnet.cli;

import io.mosnet.cli.command.BridgeCommand;
import io.mosnet.cli.command.ConfigCommand;
import io.mosnet.cli.command.ConntrackCommand;
import io.mosnet.cli.command.DatapathCommand;
import io.mosnet.cli.command.DiscoverCommand;
import io.mosnet.cli.command.DnsCommand;
import io.mosnet.cli.command.FirewallCommand;
import io.mosnet.cli.command.FlowsCommand;
import io.mosnet.cli.command.HealthCommand;
import io.mosnet.cli.command.InterfacesCommand;
import io.mosnet.cli.command.LeaseCommand;
import io.mosnet.cli.command.ManCommand;
import io.mosnet.cli.command.NeighborsCommand;
import io.mosnet.cli.command.OvsCommand;
import io.mosnet.cli.command.PluginsCommand;
import io.mosnet.cli.command.PrefixCommand;
import io.mosnet.cli.command.RoutesCommand;
import io.mosnet.cli.command.StatusCommand;
import io.mosnet.cli.command.SysctlCommand;
import io.mosnet.cli.command.VerifyCommand;
import io.mosnet.cli.command.VlanCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosnet}: inspect mosnetd and the live network. Without a subcommand it runs {@code status}. */
@Command(name = "mosnet", mixinStandardHelpOptions = true, versionProvider = Mosnet.Version.class,
        description = "Inspect mosnetd's state and the live network. Without a subcommand: status.",
        footerHeading = "%nExit status:%n",
        footer = {"  0  done; health: healthy; verify: no difference",
                "  1  health: degraded; verify: differences found",
                "  2  mosnetd cannot be reached",
                "  3  mosnetd or the kernel reported an error, or the feature is not available",
                "  4  refused: the method needs root",
                " 64  bad command line",
                "",
                "Environment: MOSNET_SOCKET overrides the default socket; MOSNET_DEBUG=1 prints stack traces."})
public final class Mosnet implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them, by the name (and alias) they are invoked with. Not in the
     * annotation: picocli builds a subcommand's model, by reflection over its class, when the subcommand is added,
     * so {@link #commandLine(CliContext, String...)} adds only the one a command line names.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();
    private static final Map<String, String> ALIASES = Map.of("neighbours", "neighbors");

    @Spec
    CommandSpec spec;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "mosnetd's API socket (default: $MOSNET_SOCKET or /run/mosnet/mosnet.sock)")
    Path socket;

    @Option(names = "--json", description = "Machine-readable output (of status)")
    boolean json;

    private final CliContext context;

    public Mosnet(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    /** The top-level {@code --socket}, or null. */
    public Path socketOption() {
        return socket;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (json) {
            args.add("--json");
        }
        return spec.subcommands().get("status").execute(args.toArray(String[]::new));
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("status", StatusCommand.class);
        m.put("config", ConfigCommand.class);
        m.put("lease", LeaseCommand.class);
        m.put("dns", DnsCommand.class);
        m.put("sysctl", SysctlCommand.class);
        m.put("interfaces", InterfacesCommand.class);
        m.put("routes", RoutesCommand.class);
        m.put("neighbors", NeighborsCommand.class);
        m.put("bridge", BridgeCommand.class);
        m.put("firewall", FirewallCommand.class);
        m.put("vlan", VlanCommand.class);
        m.put("ovs", OvsCommand.class);
        m.put("flows", FlowsCommand.class);
        m.put("prefix", PrefixCommand.class);
        m.put("datapath", DatapathCommand.class);
        m.put("conntrack", ConntrackCommand.class);
        m.put("discover", DiscoverCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("health", HealthCommand.class);
        m.put("plugins", PluginsCommand.class);
        m.put("man", ManCommand.class);
        m.put("generate-completion", AutoComplete.GenerateCompletion.class);
        return m;
    }

    /** The configured command line with every subcommand; tests build it with their own context. */
    public static CommandLine commandLine(CliContext context) {
        return build(context, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when that is certain (about 60 ms less
     * of picocli's reflection on a cold JVM), with all of them otherwise (help, suggestions for a mistyped verb,
     * the man page and completion script, which list them all).
     */
    public static CommandLine commandLine(CliContext context, String... args) {
        String verb = verbOf(args);
        return build(context, verb == null ? SUBCOMMANDS.keySet() : List.of(verb));
    }

    /**
     * The subcommand {@code args} invoke, when the options before it are ones this command knows to take no value
     * or exactly one; null when there is none or picocli has to judge.
     */
    static String verbOf(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--socket")) {
                i++; // its value
            } else if (a.equals("--json") || a.startsWith("--socket=")) {
                continue;
            } else if (a.startsWith("-") || a.startsWith("@")) {
                return null; // help, version, an unknown option, or arguments read from a file
            } else {
                String verb = ALIASES.getOrDefault(a, a);
                return verb.equals("man") || verb.equals("generate-completion") || !SUBCOMMANDS.containsKey(verb)
                        ? null : verb;
            }
        }
        return null;
    }

    private static CommandLine build(CliContext context, Collection<String> names) {
        CommandLine cmd = new CommandLine(new Mosnet(context));
        for (String name : names) {
            cmd.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        ErrorHandler errors = new ErrorHandler("1".equals(context.env().get("MOSNET_DEBUG")));
        cmd.setExecutionExceptionHandler((e, failed, parsed) -> errors.report(e, failed.getErr()));
        cmd.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE
                : ErrorHandler.exitCode(e));
        cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cmd.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE));
        CommandLine completion = cmd.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(true);
        }
        return cmd;
    }

    /**
     * Runs {@code mosnet ARGS} and returns its exit code: the plain views directly ({@link DirectInvocation}),
     * everything else through picocli's full model.
     */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        DirectInvocation direct = DirectInvocation.parse(args);
        if (direct != null) {
            return direct.run(context, out, err);
        }
        CommandLine cmd = commandLine(context, args);
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    /** Runs {@code mosnet ARGS} as the launcher does ({@link Main}). */
    public static void main(String[] args) {
        Main.main(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Mosnet.class.getPackage().getImplementationVersion();
            return new String[] {"mosnet " + (v == null ? "development build" : v)};
        }
    }
}
