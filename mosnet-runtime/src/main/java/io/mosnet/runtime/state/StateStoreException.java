package io.mosnet.runtime.state;

import io.mosnet.api.plugin.MosnetException;

/** Writing the state file failed; the message names the file and the operating system's answer. */
public final class StateStoreException extends MosnetException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
