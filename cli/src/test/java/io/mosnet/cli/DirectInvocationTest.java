package io.mosnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.runtime.dns.ResolvConfWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class DirectInvocationTest {

    static DirectInvocation parse(String line) {
        return DirectInvocation.parse(line.isEmpty() ? new String[0] : line.split(" "));
    }

    @Test
    void noArgumentsIsStatus() {
        assertEquals(new DirectInvocation("status", false, null), parse(""));
    }

    @Test
    void topLevelOptionsApplyToTheDefaultStatus() {
        assertEquals(new DirectInvocation("status", true, Path.of("/s")), parse("--json --socket /s"));
        assertEquals(new DirectInvocation("status", true, Path.of("/s")), parse("--socket=/s --json"));
    }

    @Test
    void verbKeepsItsOwnJsonLikePicocli() {
        // picocli runs the verb with the verb's options: a top-level --json does not reach it.
        assertEquals(new DirectInvocation("status", false, null), parse("--json status"));
        assertEquals(new DirectInvocation("lease", true, null), parse("lease --json"));
    }

    @Test
    void verbsSocketWinsOverTopLevelSocket() {
        assertEquals(new DirectInvocation("dns", false, Path.of("/a")), parse("--socket /b dns --socket /a"));
        assertEquals(new DirectInvocation("dns", false, Path.of("/b")), parse("--socket /b dns"));
        assertEquals(new DirectInvocation("health", true, Path.of("/a")), parse("health --socket=/a --json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "-V", "help", "man", "generate-completion", "routes",
            "routes --all", "conntrack --stats", "verify", "no-such-verb", "status --help", "status extra",
            "--json --json", "status --json --json", "--socket /a --socket /b", "status --socket", "--socket",
            "--socket --json", "--socket= status", "--socket=-x", "status -- --json", "@args", "status @args",
            "--socket @args", "--JSON", "--json=true", "status status"})
    void leavesEverythingElseToPicocli(String line) {
        assertNull(parse(line), line);
    }

    @Test
    void directVerbsHaveNoOptionsButJsonAndSocketInPicocliModel() {
        CommandLine full = Mosnet.commandLine(CliContext.system());
        for (var verb : DirectInvocation.VERBS.entrySet()) {
            CommandLine sub = full.getSubcommands().get(verb.getKey());
            CommandSpec spec = sub.getCommandSpec();
            Set<String> options = spec.options().stream().map(o -> o.longestName()).collect(Collectors.toSet());
            assertEquals(Set.of("--json", "--socket"), options, verb.getKey());
            assertTrue(spec.positionalParameters().isEmpty(), verb.getKey());
            assertTrue(sub.getSubcommands().isEmpty(), verb.getKey());
            assertEquals(spec.userObject().getClass(), verb.getValue().get().getClass(), verb.getKey());
        }
    }

    @Test
    void topLevelHasNoOptionsTheDirectPathIgnores() {
        Set<String> options = Mosnet.commandLine(CliContext.system()).getCommandSpec().options().stream()
                .map(o -> o.longestName()).collect(Collectors.toSet());
        // --help and --version always go to picocli.
        assertEquals(Set.of("--json", "--socket", "--help", "--version"), options);
    }

    @Test
    void directPathNamesNoPicocliType() {
        // The JVM resolves every signature of the main class; picocli's classes cannot come from the AOT cache.
        for (Class<?> c : List.of(Main.class, DirectInvocation.class, ErrorHandler.class, CliContext.class)) {
            for (Method m : c.getDeclaredMethods()) {
                List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
                types.add(m.getReturnType());
                for (Class<?> t : types) {
                    assertFalse(t.getName().startsWith("picocli."), c.getSimpleName() + "." + m.getName() + ": " + t);
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                assertFalse(i.getName().startsWith("picocli."), c.getSimpleName() + " implements " + i);
            }
        }
    }

    @Test
    void theLauncherStartsTheDirectVerbsWithTheSmallCache() throws Exception {
        // bin/mosnet names them itself (a shell cannot ask this class); interfaces reads rtnetlink, whose JNA classes
        // are in the full cache only.
        String launcher = java.nio.file.Files.readString(Path.of("../dist/src/main/dist/bin/mosnet"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\n  (status \\|[^)]*)\\)\\n").matcher(launcher);
        assertTrue(m.find(), "the launcher's case of small-cache verbs");
        Set<String> launched = Set.of(m.group(1).split("\\s*\\|\\s*"));
        Set<String> direct = new java.util.TreeSet<>(DirectInvocation.VERBS.keySet());
        direct.remove("interfaces");
        assertEquals(direct, new java.util.TreeSet<>(launched));
    }

    @Test
    void systemContextReadsTheResolvConfTheDaemonWrites() {
        assertEquals(ResolvConfWriter.DEFAULT_PATH, CliContext.system().resolvConf());
    }
}
