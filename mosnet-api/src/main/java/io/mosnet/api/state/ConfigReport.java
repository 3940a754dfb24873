package io.mosnet.api.state;

import io.mosnet.api.config.MosnetConfig;
import java.util.Map;

/**
 * The configuration the daemon runs with, for {@code mosnet config}.
 *
 * @param commandLine the kernel command line as read ({@code /proc/cmdline})
 * @param parameters  the {@code mos*} parameters found on it, in the order given
 * @param configFile  the mosnet.toml read, or null when none
 * @param effective   the merged configuration
 */
public record ConfigReport(String commandLine, Map<String, String> parameters, String configFile,
                           MosnetConfig effective) {

    public ConfigReport {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
    }
}
