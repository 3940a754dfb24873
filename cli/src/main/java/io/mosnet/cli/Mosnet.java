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
import java.util.List;
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
                "Environment: MOSNET_SOCKET overrides the default socket; MOSNET_DEBUG=1 prints stack traces."},
        subcommands = {StatusCommand.class, ConfigCommand.class, LeaseCommand.class, DnsCommand.class,
                SysctlCommand.class, InterfacesCommand.class, RoutesCommand.class, NeighborsCommand.class,
                BridgeCommand.class, FirewallCommand.class, VlanCommand.class, OvsCommand.class, FlowsCommand.class,
                PrefixCommand.class, DatapathCommand.class, ConntrackCommand.class, DiscoverCommand.class,
                VerifyCommand.class, HealthCommand.class, PluginsCommand.class, ManCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class Mosnet implements Callable<Integer> {

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

    /** The configured command line; tests build it with their own context and capture its out/err. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cmd = new CommandLine(new Mosnet(context));
        ErrorHandler errors = new ErrorHandler("1".equals(context.env().get("MOSNET_DEBUG")));
        cmd.setExecutionExceptionHandler((e, failed, parsed) -> errors.report(e, failed.getErr()));
        cmd.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE
                : ErrorHandler.exitCode(e));
        cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cmd.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE));
        cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
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
        CommandLine cmd = commandLine(context);
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
