package io.mosnet.dhcp.v6.wire;

import io.mosnet.api.plugin.MosnetException;

/**
 * The only exception that reading a DHCPv6 message or option may throw, whatever the bytes: a peer on the link is
 * untrusted, so every length, count and pointer is checked and a violation ends up here with the offset and what
 * was expected.
 */
public final class Dhcp6ParseException extends MosnetException {

    public Dhcp6ParseException(String message) {
        super(message);
    }

    public Dhcp6ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
