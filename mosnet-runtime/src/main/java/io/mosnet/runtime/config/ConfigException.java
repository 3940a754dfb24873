package io.mosnet.runtime.config;

import io.mosnet.api.plugin.MosnetException;
import java.util.List;

/**
 * The configuration is invalid. Carries every problem found, each naming the parameter, the bad value and what was
 * expected, so that a user fixes them all in one go.
 */
public final class ConfigException extends MosnetException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
