package io.mosnet.nftables;

import io.mosnet.api.plugin.MosnetException;

/**
 * libnftables refused or failed a request. The message says what was attempted and carries libnftables' own error
 * text (which names the offending command and the kernel's answer, e.g. {@code Could not process rule: No such file
 * or directory}).
 */
public class NftablesException extends MosnetException {

    public NftablesException(String message) {
        super(message);
    }

    public NftablesException(String message, Throwable cause) {
        super(message, cause);
    }
}
