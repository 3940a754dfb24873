package io.mosnet.cli.command;

import io.mosnet.cli.ManPage;
import picocli.CommandLine.Command;

/**
 * {@code mosnet man}: prints mosnet(1) in roff, generated from the command model; packaging runs
 * {@code mosnet man > mosnet.1}. Hidden from the usage list, like {@code generate-completion}.
 */
@Command(name = "man", hidden = true, description = "Print the man page (roff) generated from the command model")
public final class ManCommand extends MosnetCommand {

    @Override
    protected int run() {
        String[] version = spec.root().version();
        out().print(ManPage.render(spec.root(), version.length > 0 ? version[0] : "mosnet"));
        out().flush();
        return 0;
    }
}
