package io.mosnet.runtime.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The plugins mosnet itself ships as drop-in files, so that a missing one can be named in an error. */
final class DropInCatalog {

    private static final Map<String, String> FILES = Map.of(
            "ovs", "the Open vSwitch backend ships as plugin-ovs-<version>.jar");

    private final Path pluginsDir;

    DropInCatalog(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    Optional<String> hint(String id) {
        String file = FILES.get(id);
        if (file == null) {
            return Optional.empty();
        }
        String dir = pluginsDir == null ? "the plugins directory" : pluginsDir.toString();
        return Optional.of("To install it: " + file + "; copy that file into " + dir
                + " (the full distribution already has it there).");
    }
}
