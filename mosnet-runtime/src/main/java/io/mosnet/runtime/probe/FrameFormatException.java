package io.mosnet.runtime.probe;

import io.mosnet.api.net.NetworkException;

/** A received frame is not the well-formed ARP or neighbour-discovery packet it claims to be. */
public final class FrameFormatException extends NetworkException {

    FrameFormatException(String message) {
        super(message, 0);
    }
}
