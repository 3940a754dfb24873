package io.mosnet.runtime.rpc;

import io.mosnet.api.plugin.MosnetException;

/**
 * The CLI could not talk to mosnetd: no socket, nobody listening, permission denied, no answer in time, or the
 * connection dropped. The message starts with {@code cannot reach mosnetd at <socket>:}.
 */
public final class DaemonUnreachableException extends MosnetException {

    public DaemonUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DaemonUnreachableException(String message) {
        super(message);
    }
}
