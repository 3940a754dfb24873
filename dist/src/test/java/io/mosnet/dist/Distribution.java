package io.mosnet.dist;

import io.mosnet.lab.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The assembled distribution under test (dist/target/mosnet), and helpers to run its launchers. */
final class Distribution {

    static Path home() {
        Path p = Path.of(System.getProperty("mosnet.dist", "target/mosnet"));
        if (!Files.isExecutable(p.resolve("bin/mosnetd"))) {
            throw new IllegalStateException("no distribution at " + p.toAbsolutePath() + ": run 'mvn package' first");
        }
        return p;
    }

    /** The drop-in OVS plugin file built beside the distribution. */
    static Path ovsPlugin() throws java.io.IOException {
        Path dir = Path.of(System.getProperty("mosnet.plugins", "target/plugins"));
        try (var s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("plugin-ovs-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no plugin-ovs jar in " + dir));
        }
    }

    static Command.Result mosnetd(String... args) {
        List<String> cmd = new ArrayList<>(List.of(home().resolve("bin/mosnetd").toString()));
        cmd.addAll(List.of(args));
        return Command.run(cmd, 60);
    }

    private Distribution() {
    }
}
