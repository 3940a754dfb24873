package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkException;

/** A netlink message from the kernel (or a test) does not have the layout its type promises. */
public final class MalformedMessageException extends NetworkException {

    MalformedMessageException(String message) {
        super(message, 0);
    }
}
