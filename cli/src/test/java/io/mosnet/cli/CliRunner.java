package io.mosnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code mosnet ARGS} in-process, as {@code main} does, and keeps what it printed and returned. */
public final class CliRunner {

    public record Result(int exitCode, String out, String err) {
        /** For assertion messages: everything the command said. */
        public String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRunner() {
    }

    public static Result run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Mosnet.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code mosnet ARGS} through picocli's full model only, for comparing with {@link #run}. */
    public static Result runWithPicocli(CliContext context, String... args) {
        CommandLine cmd = Mosnet.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
