package io.mosnet.cli;

import io.mosnet.runtime.rpc.DaemonUnreachableException;
import io.mosnet.runtime.rpc.RpcException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become an exit code and a one-line message on stderr. A stack trace only with
 * {@code MOSNET_DEBUG=1}: users get the sentence, developers the trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        return report(e, cmd.getErr());
    }

    /** Prints the one-line message (and the trace when debugging) to {@code err}; returns the exit code. */
    int report(Exception e, PrintWriter err) {
        err.println("mosnet: " + message(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        // The daemon's answers first: runs without picocli then never load its classes to rule them out.
        if (e instanceof DaemonUnreachableException) {
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof RpcException rpc && rpc.code() == RpcException.PERMISSION_DENIED) {
            return ExitCodes.PERMISSION_DENIED;
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName() + (e.getCause() != null ? ": " + message(e.getCause()) : "");
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
