package io.mosnet.lab;

/** The lab could not be built or a lab command failed; the message says which command and what it printed. */
public final class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
