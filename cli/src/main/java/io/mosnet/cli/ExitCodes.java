package io.mosnet.cli;

/**
 * Exit codes of {@code mosnet}, the same for every subcommand (see the man page's EXIT STATUS).
 */
public final class ExitCodes {

    /** Done; {@code health}: healthy; {@code verify}: no difference. */
    public static final int OK = 0;
    /** {@code health}: degraded; {@code verify}: differences found. */
    public static final int DEGRADED = 1;
    /** mosnetd cannot be reached (not running, no permission on its socket, no answer in time). */
    public static final int UNREACHABLE = 2;
    /** mosnetd or the kernel answered with an error, or the feature is not available. */
    public static final int FAILED = 3;
    /** mosnetd refused a method that needs root. */
    public static final int PERMISSION_DENIED = 4;
    /** Bad command line (EX_USAGE from sysexits.h; picocli's own default 2 would collide with UNREACHABLE). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
