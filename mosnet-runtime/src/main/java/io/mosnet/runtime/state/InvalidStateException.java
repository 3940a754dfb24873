package io.mosnet.runtime.state;

/**
 * A state document that is JSON but not a {@code DaemonState}: the message names the field path and what was
 * expected there, e.g. {@code leases.eth0.mtu: expected an integer, got "abc"}.
 */
final class InvalidStateException extends Exception {

    InvalidStateException(String message) {
        super(message);
    }

    InvalidStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
