package io.mosnet.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Renders mosnet(1) in roff (man(7) macros) from picocli's command model, so the man page lists exactly the
 * subcommands and options the parser accepts. Written here rather than with picocli-codegen's ManPageGenerator,
 * which emits AsciiDoc and needs asciidoctor (not available offline) to become a man page.
 */
public final class ManPage {

    private ManPage() {
    }

    public static String render(CommandSpec root, String version) {
        StringBuilder s = new StringBuilder();
        s.append(".TH MOSNET 1 \"\" \"").append(esc(version)).append("\" \"mosnet manual\"\n");
        s.append(".SH NAME\n").append("mosnet \\- ").append(esc(first(root.usageMessage().description()))).append('\n');
        s.append(".SH SYNOPSIS\n").append(".B mosnet\n")
                .append("[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]]\n");
        s.append(".SH DESCRIPTION\n")
                .append("mosnet shows the state of mosnetd, the mosnet network bootstrap daemon, through its JSON-RPC ")
                .append("API, and the live network through rtnetlink. The views interfaces, routes, neighbors, sysctl ")
                .append("and dns work when mosnetd is not running. Every command takes \\fB\\-\\-json\\fR for ")
                .append("machine-readable output with a stable schema; daemon-backed commands print the result of the ")
                .append("API method of the same name, whose schema \\fBmosnet discover \\-\\-json\\fR returns.\n");
        s.append(".SH OPTIONS\n");
        options(s, root);
        s.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) {
                continue;
            }
            s.append(".SS ").append(esc(sub.name())).append('\n');
            s.append(esc(String.join(" ", sub.usageMessage().description()))).append('\n');
            options(s, sub);
        }
        s.append(".SH EXIT STATUS\n");
        for (String line : root.usageMessage().footer()) {
            if (line.isBlank() || line.startsWith("Environment")) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            s.append(".TP\n.B ").append(esc(parts[0])).append('\n').append(esc(parts[1])).append('\n');
        }
        s.append(".SH ENVIRONMENT\n")
                .append(".TP\n.B MOSNET_SOCKET\nThe API socket when \\fB\\-\\-socket\\fR is not given.\n")
                .append(".TP\n.B MOSNET_DEBUG\nSet to 1 to print stack traces with error messages.\n");
        s.append(".SH FILES\n")
                .append(".TP\n.I /run/mosnet/mosnet.sock\nmosnetd's API socket (mode 0660, group mosnet).\n")
                .append(".TP\n.I /var/cache/etc/mosnet.json\nmosnetd's state file (\\fBverify \\-\\-state-file\\fR).\n")
                .append(".TP\n.I /etc/resolv.conf\nShown by \\fBdns\\fR.\n");
        s.append(".SH SEE ALSO\n.BR mosnetd (8),\n.BR ip (8),\n.BR nft (8),\n.BR ovs-vsctl (8)\n");
        return s.toString();
    }

    private static void options(StringBuilder s, CommandSpec spec) {
        List<OptionSpec> options = spec.options();
        for (OptionSpec o : options) {
            if (o.hidden()) {
                continue;
            }
            s.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
            if (o.arity().max() > 0 && !o.paramLabel().isEmpty()) {
                s.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            s.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
        }
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Escapes text for roff: backslashes, hyphens (so they stay ASCII), and a leading dot or quote. */
    static String esc(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        if (t.startsWith(".") || t.startsWith("'")) {
            t = "\\&" + t;
        }
        return t.replace("\n.", "\n\\&.");
    }
}
