package io.mosnet.runtime.daemon;

/** mosnetd's exit statuses. */
public final class ExitCode {

    /** Done (or, for the daemon, stopped by SIGTERM). */
    public static final int OK = 0;
    /** A failure after start-up that retries could not fix. */
    public static final int FAILED = 1;
    /** Fatal before anything was changed: bad configuration, missing plugin. Retrying cannot help. */
    public static final int FATAL = 2;

    private ExitCode() {
    }
}
