package io.mosnet.runtime.rpc;

import java.io.IOException;

/** Text that {@link PlainJson} cannot read as JSON; the message says what was wrong and where. */
public final class MalformedJsonException extends IOException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
