package io.mosnet.dhcp.v4.option;

import io.mosnet.api.plugin.MosnetException;

/**
 * The only exception the DHCPv4 decoders throw: whatever a peer sends, a malformed frame, message or option ends
 * here with a message naming the field and what was wrong with it.
 */
public class DhcpParseException extends MosnetException {

    public DhcpParseException(String message) {
        super(message);
    }

    public DhcpParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
