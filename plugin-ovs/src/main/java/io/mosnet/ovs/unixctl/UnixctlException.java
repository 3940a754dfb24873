package io.mosnet.ovs.unixctl;

import io.mosnet.api.plugin.MosnetException;

/** A unixctl call to an OVS daemon failed: the socket was unreachable or the daemon answered with an error. */
public class UnixctlException extends MosnetException {

    public UnixctlException(String message) {
        super(message);
    }

    public UnixctlException(String message, Throwable cause) {
        super(message, cause);
    }
}
