package io.mosnet.cli;

import io.mosnet.runtime.rpc.DaemonUnreachableException;
import io.mosnet.runtime.rpc.RpcException;
import java.io.PrintWriter;

/**
 * The one place where failures become an exit code and a one-line message on stderr. A stack trace only with
 * {@code MOSNET_DEBUG=1}: users get the sentence, developers the trace. It names no picocli type (picocli's
 * handler interfaces are adapted in {@link Mosnet#commandLine}), so that a {@link DirectInvocation} that fails does
 * not load picocli to say so.
 */
final class ErrorHandler {

    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
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

    /** The exit code of a failure while running a command (picocli's usage errors are mapped in Mosnet). */
    static int exitCode(Throwable e) {
        if (e instanceof DaemonUnreachableException) {
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof RpcException rpc && rpc.code() == RpcException.PERMISSION_DENIED) {
            return ExitCodes.PERMISSION_DENIED;
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
