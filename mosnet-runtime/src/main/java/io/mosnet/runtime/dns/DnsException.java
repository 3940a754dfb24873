package io.mosnet.runtime.dns;

import io.mosnet.api.plugin.MosnetException;

/** resolv.conf could not be written; the message names the file and the system's answer. */
public final class DnsException extends MosnetException {

    public DnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
