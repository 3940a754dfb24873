package io.mosnet.dhcp.duid;

import io.mosnet.api.plugin.MosnetException;

/**
 * A DUID whose bytes do not fit its type or RFC 8415 section 11's bounds. The DHCPv6 option decoders rethrow it as
 * their own parse exception, so a peer's bad DUID ends like any other malformed option.
 */
public final class DuidParseException extends MosnetException {

    public DuidParseException(String message) {
        super(message);
    }
}
