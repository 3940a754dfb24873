package io.mosnet.cli;

import io.mosnet.cli.command.BridgeCommand;
import io.mosnet.cli.command.ConfigCommand;
import io.mosnet.cli.command.DiscoverCommand;
import io.mosnet.cli.command.DnsCommand;
import io.mosnet.cli.command.FirewallCommand;
import io.mosnet.cli.command.FlowsCommand;
import io.mosnet.cli.command.HealthCommand;
import io.mosnet.cli.command.InterfacesCommand;
import io.mosnet.cli.command.LeaseCommand;
import io.mosnet.cli.command.MosnetCommand;
import io.mosnet.cli.command.OvsCommand;
import io.mosnet.cli.command.PluginsCommand;
import io.mosnet.cli.command.PrefixCommand;
import io.mosnet.cli.command.StatusCommand;
import io.mosnet.cli.command.VlanCommand;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A command line that needs no picocli: {@code mosnet [--json] [--socket PATH] [VERB [--json] [--socket PATH]]}
 * for a verb whose only options are those two. Picocli builds its model of all subcommands by reflection from class
 * files the AOT cache cannot hold, which costs more than the whole of {@code mosnet status}; these invocations run
 * the same command object directly. Anything else (help, version, another verb, an option given twice, a value that
 * looks like an option, an {@code @file}, {@code --}) is not recognised here and goes to picocli, which gives the
 * usual answer or error, so the two paths never disagree on what a command line means.
 *
 * @param verb   the subcommand, {@code status} when none was given
 * @param json   {@code --json} as picocli would set it for the command that runs (the top-level one only applies
 *               when no verb is given; with a verb, picocli runs the verb with its own options)
 * @param socket the effective {@code --socket}: the verb's, else the top-level one, or null
 */
public record DirectInvocation(String verb, boolean json, Path socket) {

    /** The verbs whose only options are the inherited {@code --json} and {@code --socket}. */
    static final Map<String, Supplier<MosnetCommand>> VERBS = Map.ofEntries(
            Map.entry("status", StatusCommand::new),
            Map.entry("config", ConfigCommand::new),
            Map.entry("lease", LeaseCommand::new),
            Map.entry("dns", DnsCommand::new),
            Map.entry("interfaces", InterfacesCommand::new),
            Map.entry("bridge", BridgeCommand::new),
            Map.entry("firewall", FirewallCommand::new),
            Map.entry("vlan", VlanCommand::new),
            Map.entry("ovs", OvsCommand::new),
            Map.entry("flows", FlowsCommand::new),
            Map.entry("prefix", PrefixCommand::new),
            Map.entry("discover", DiscoverCommand::new),
            Map.entry("health", HealthCommand::new),
            Map.entry("plugins", PluginsCommand::new));

    private static final String JSON = "--json";
    private static final String SOCKET = "--socket";

    /** The invocation {@code args} stand for, or null when picocli has to parse them. */
    public static DirectInvocation parse(String... args) {
        Options top = new Options();
        int i = top.read(args, 0);
        if (i < 0) {
            return null;
        }
        if (i == args.length) {
            return new DirectInvocation("status", top.json, top.socket);
        }
        String verb = args[i];
        if (!VERBS.containsKey(verb)) {
            return null;
        }
        Options own = new Options();
        if (own.read(args, i + 1) != args.length) {
            return null;
        }
        return new DirectInvocation(verb, own.json, own.socket != null ? own.socket : top.socket);
    }

    /** Runs the verb; failures become the same one-line message and exit code as under picocli. */
    public int run(CliContext context, PrintWriter out, PrintWriter err) {
        try {
            return VERBS.get(verb).get().runDirect(context, out, json, socket);
        } catch (Exception e) {
            return new ErrorHandler("1".equals(context.env().get("MOSNET_DEBUG"))).report(e, err);
        } finally {
            out.flush();
        }
    }

    /** {@code --json} and {@code --socket PATH} (or {@code --socket=PATH}), each at most once. */
    private static final class Options {
        boolean json;
        Path socket;

        /** Reads options from {@code from}; the index of the first other argument, or -1 if picocli must judge. */
        int read(String[] args, int from) {
            int i = from;
            while (i < args.length) {
                String a = args[i];
                if (a.startsWith("@")) {
                    return -1; // picocli reads arguments from that file
                }
                if (!a.startsWith("-")) {
                    return i;
                }
                String value;
                if (a.equals(JSON)) {
                    if (json) {
                        return -1;
                    }
                    json = true;
                    i++;
                    continue;
                } else if (a.equals(SOCKET)) {
                    if (i + 1 == args.length) {
                        return -1;
                    }
                    value = args[i + 1];
                    i += 2;
                } else if (a.startsWith(SOCKET + "=")) {
                    value = a.substring(SOCKET.length() + 1);
                    i++;
                } else {
                    return -1;
                }
                if (socket != null || value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return -1;
                }
                try {
                    socket = Path.of(value);
                } catch (InvalidPathException e) {
                    return -1; // picocli's conversion error says it best
                }
            }
            return i;
        }
    }
}
