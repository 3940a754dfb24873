package io.mosnet.rdnss;

import io.mosnet.api.plugin.MosnetException;

/**
 * A router advertisement's options could not be read: the message says which option, at which offset, and what was
 * wrong with it. The parser throws nothing else, so its callers can drop the message or option and carry on.
 */
final class RaOptionException extends MosnetException {

    RaOptionException(String message) {
        super(message);
    }
}
