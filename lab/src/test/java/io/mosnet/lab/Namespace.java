package io.mosnet.lab;

import java.util.ArrayList;
import java.util.List;

/** A network namespace of a lab: commands run inside it with {@code ip netns exec}. */
public final class Namespace {

    private final String name;

    Namespace(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Runs a command in this namespace and fails if it fails. */
    public String sh(String... command) {
        return exec(command).check().out();
    }

    /** Runs a command in this namespace and returns whatever happened. */
    public Command.Result exec(String... command) {
        return Command.run(wrap(command), 60);
    }

    /** {@code ip netns exec NAME ...} in front of a command. */
    public List<String> wrap(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return full;
    }

    /** {@code ip -n NAME ...}. */
    public String ip(String... args) {
        List<String> full = new ArrayList<>(List.of("ip", "-n", name));
        full.addAll(List.of(args));
        return Command.run(full, 30).check().out();
    }

    @Override
    public String toString() {
        return name;
    }
}
