package io.mosnet.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The {@code mosnet} launcher's entry point. Apart from {@link Mosnet} on purpose: the JVM looks the main method up
 * by reflection over every method of the main class, which loads each class their signatures name; Mosnet's name
 * picocli's, and picocli's class files (Java 5) are parsed and verified afresh at every start because the AOT cache
 * cannot hold them. Here nothing names picocli, so {@link DirectInvocation}s never load it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliContext context = CliContext.system();
        DirectInvocation direct = DirectInvocation.parse(args);
        if (direct == null) {
            System.exit(Mosnet.commandLine(context, args).execute(args));
        }
        // As picocli writes by default: the streams' own charsets, flushed at each line.
        int code = direct.run(context, writer(System.out), writer(System.err));
        // Success simply returns: System.exit logs Runtime.exit through System.Logger, whose look-up of a
        // LoggerFinder opens every jar on the module path, a few milliseconds that a plain return does not spend.
        if (code != 0) {
            System.exit(code);
        }
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, stream.charset())), true);
    }
}
