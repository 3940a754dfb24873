package io.mosnet.api.net;

import io.mosnet.api.plugin.MosnetException;

/**
 * A request to the kernel failed. The message carries the request and the kernel's answer, as in
 * {@code RTM_NEWADDR 10.0.0.1/24 dev mos: File exists}; {@link #errno()} the positive errno (0 if not from the kernel).
 */
public class NetworkException extends MosnetException {

    private final int errno;

    public NetworkException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public NetworkException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    public NetworkException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public int errno() {
        return errno;
    }

    /** EEXIST: the object is already there. */
    public boolean alreadyExists() {
        return errno == 17;
    }

    /** ENOENT, ESRCH or ENODEV: the object is not there. */
    public boolean notFound() {
        return errno == 2 || errno == 3 || errno == 19;
    }
}
