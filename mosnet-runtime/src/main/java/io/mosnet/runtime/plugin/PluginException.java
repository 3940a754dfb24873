package io.mosnet.runtime.plugin;

import io.mosnet.api.plugin.MosnetException;

/** A plugin could not be found, loaded or told apart from another; fatal at start-up. */
public final class PluginException extends MosnetException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
