package io.mosnet.runtime.probe;

import io.mosnet.api.net.NetworkException;

/** No candidate NIC got an answer from the gateway in time; the message names every NIC and the wait. */
public final class GatewayUnreachableException extends NetworkException {

    GatewayUnreachableException(String message) {
        super(message, 113); // EHOSTUNREACH
    }
}
