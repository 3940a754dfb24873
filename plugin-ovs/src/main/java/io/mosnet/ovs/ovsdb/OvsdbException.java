package io.mosnet.ovs.ovsdb;

import io.mosnet.api.plugin.MosnetException;

/** An OVSDB request failed: the server was unreachable, or it answered with an error (RFC 7047 section 4.1.3). */
public class OvsdbException extends MosnetException {

    public OvsdbException(String message) {
        super(message);
    }

    public OvsdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
