package io.mosnet.ovs.openflow;

import io.mosnet.api.plugin.MosnetException;

/** An OpenFlow message could not be parsed, or the switch answered a request with an error. */
public class OpenFlowException extends MosnetException {

    public OpenFlowException(String message) {
        super(message);
    }

    public OpenFlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
