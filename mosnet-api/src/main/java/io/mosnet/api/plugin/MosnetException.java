package io.mosnet.api.plugin;

/**
 * Base of every exception mosnet components throw on purpose. The message says what was attempted, on what, and
 * what the kernel or peer answered; the cause is always chained.
 */
public class MosnetException extends RuntimeException {

    public MosnetException(String message) {
        super(message);
    }

    public MosnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
