package io.mosnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManPageTest {

    final CliContext context = new CliContext(() -> {
        throw new IllegalStateException("no network in this test");
    }, Path.of("/nonexistent"), Map.of(), Duration.ofSeconds(1), Clock.systemUTC());

    static final List<String> COMMANDS = List.of("status", "config", "lease", "dns", "sysctl", "interfaces", "routes",
            "neighbors", "bridge", "firewall", "vlan", "ovs", "flows", "prefix", "datapath", "conntrack", "discover",
            "verify", "health", "plugins");

    @Test
    void manPageDescribesEveryCommandAndOption() {
        CliRunner.Result r = CliRunner.run(context, "man");
        assertEquals(0, r.exitCode(), r.transcript());
        String man = r.out();
        assertTrue(man.startsWith(".TH MOSNET 1 "), man);
        for (String c : COMMANDS) {
            assertTrue(man.contains("\n.SS " + c + "\n"), c);
        }
        assertTrue(man.contains(".B \\-\\-zone \\fIZONE\\fR"), man);
        assertTrue(man.contains(".B \\-\\-state\\-file \\fIPATH\\fR"), man);
        assertTrue(man.contains(".SH EXIT STATUS\n.TP\n.B 0\n"), man);
        assertFalse(man.contains(".SS man\n"), "hidden commands stay out");
        assertFalse(man.contains(".SS generate\\-completion\n"), "hidden commands stay out");
    }

    @Test
    void escapesRoffControlCharacters() {
        assertEquals("\\&.hidden \\e \\-x", ManPage.esc(".hidden \\ -x"));
    }

    @Test
    void generatesBashCompletionForEveryCommand() {
        CliRunner.Result r = CliRunner.run(context, "generate-completion");
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.out().contains("complete -F _complete_mosnet"), r.out().substring(0, 200));
        for (String c : COMMANDS) {
            assertTrue(r.out().contains(c), c);
        }
    }

    @Test
    void usageListsCommandsWithoutHiddenOnes() {
        CliRunner.Result r = CliRunner.run(context, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("conntrack"), r.out());
        assertFalse(r.out().contains("generate-completion"), r.out());
        assertTrue(r.out().contains("2  mosnetd cannot be reached"), r.out());
    }
}
