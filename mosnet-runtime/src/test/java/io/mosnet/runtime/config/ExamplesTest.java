package io.mosnet.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every example in the repository's examples/ directory loads and validates, as a user would run it. */
class ExamplesTest {

    /** Surefire runs in the module directory; the examples sit beside the modules. */
    private static final Path EXAMPLES = Path.of("..", "examples");

    /** The set-ups that give DHCP mode; every other working example is static. */
    private static final List<String> DHCP_EXAMPLES = List.of("lan-dhcp");

    @TempDir
    Path dir;

    /** The examples with this file name extension. */
    private static List<Path> examples(String extension) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String base(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private Loaded cmdline(Path file) {
        return new Loaded(ConfigLoader.load(file, dir.resolve("absent.toml"), false));
    }

    private Loaded toml(Path file) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty-cmdline"), "");
        return new Loaded(ConfigLoader.load(empty, file, true));
    }

    private record Loaded(ConfigLoader.Loaded loaded) {
        MosnetConfig config() {
            return loaded.config();
        }

        /** The configuration without plugin tables, which only a file can give. */
        MosnetConfig settings() {
            MosnetConfig c = loaded.config();
            return new MosnetConfig(c.ipv4(), c.ipv6(), c.dhcp(), c.firewall(), c.nat(), c.bridge(), c.bridgeName(),
                    c.topology(), c.nics(), Map.of());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandLineValidatesWithoutWarnings() throws IOException {
        return examples(".cmdline").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Loaded l = cmdline(f);
            assertEquals(List.of(), l.loaded().warnings(), f + " gives warnings");
            assertEquals(DHCP_EXAMPLES.contains(base(f)) ? Mode.DHCP : Mode.STATIC, l.config().mode(), f.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTomlFileValidatesWithoutWarnings() throws IOException {
        return examples(".toml").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Loaded l = toml(f);
            assertEquals(List.of(), l.loaded().warnings(), f + " gives warnings");
            assertEquals(DHCP_EXAMPLES.contains(base(f)) ? Mode.DHCP : Mode.STATIC, l.config().mode(), f.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> commandLineAndTomlOfASetUpMeanTheSame() throws IOException {
        return examples(".cmdline").stream().map(f -> DynamicTest.dynamicTest(base(f), () -> {
            Path toml = EXAMPLES.resolve(base(f) + ".toml");
            assertTrue(Files.exists(toml), "every command line example has its mosnet.toml twin: " + toml);
            assertEquals(cmdline(f).settings(), toml(toml).settings());
        }));
    }

    @Test
    void theOvsExamplesNameTheBackendAndItsDatabase() throws IOException {
        MosnetConfig c = toml(EXAMPLES.resolve("hetzner-ovs.toml")).config();
        assertEquals("ovs", c.bridge());
        assertEquals("unix:/var/run/openvswitch/db.sock", c.pluginSettings("ovs").get("ovsdb"));
    }

    @Test
    void readmeListsEveryExampleAndPlannedOnesSayTheyDoNotWork() throws IOException {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        List<Path> all;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            all = files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        }
        assertFalse(examples(".cmdline").isEmpty());
        for (Path f : all) {
            String name = f.getFileName().toString();
            assertTrue(readme.contains("(" + name + ")"), "examples/README.md does not link " + name);
        }
    }
}
