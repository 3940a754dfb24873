package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonArgumentsTest {

    @Test
    void defaultsAreTheRealHostsPaths() throws Exception {
        DaemonArguments a = DaemonArguments.parse(List.of());
        assertEquals(Path.of("/proc/cmdline"), a.cmdline);
        assertEquals(Path.of("/var/cache/etc/mosnet.json"), a.stateFile);
        assertEquals(Path.of("/run/mosnet/mosnet.sock"), a.socket);
        assertEquals(Path.of("/etc/resolv.conf"), a.resolvConf);
        assertEquals(Path.of("/var/log/mosnet.log"), a.logFile);
        assertEquals("unix:/var/run/openvswitch/db.sock", a.ovsdb);
        assertNull(a.config);
        assertNull(a.pluginsDir);
        assertNull(a.logLevel);
        assertFalse(a.check || a.help || a.version);
    }

    @Test
    void takesValuesSeparateOrAfterAnEqualsSignAndTheLastOneWins() throws Exception {
        DaemonArguments a = DaemonArguments.parse(List.of("--cmdline", "/tmp/a", "--state-file=/tmp/s.json",
                "--log-level=debug", "--ovsdb", "unix:/tmp/db.sock", "--check", "--cmdline=/tmp/b", "--plugins", "p"));
        assertEquals(Path.of("/tmp/b"), a.cmdline);
        assertEquals(Path.of("/tmp/s.json"), a.stateFile);
        assertEquals("debug", a.logLevel);
        assertEquals("unix:/tmp/db.sock", a.ovsdb);
        assertEquals(Path.of("p"), a.pluginsDir);
        assertTrue(a.check);
    }

    @Test
    void rejectsUnknownOptionsStrayWordsAndMissingValuesNamingThem() {
        assertEquals("Unknown option: '--bogus'", assertThrows(DaemonArguments.ArgumentException.class,
                () -> DaemonArguments.parse(List.of("--bogus"))).getMessage());
        assertEquals("Unmatched argument at index 1: 'foo'", assertThrows(DaemonArguments.ArgumentException.class,
                () -> DaemonArguments.parse(List.of("--check", "foo"))).getMessage());
        assertEquals("Missing required parameter for option '--cmdline' (FILE)",
                assertThrows(DaemonArguments.ArgumentException.class,
                        () -> DaemonArguments.parse(List.of("--cmdline"))).getMessage());
        assertTrue(assertThrows(DaemonArguments.ArgumentException.class,
                () -> DaemonArguments.parse(List.of("--socket=a\0b"))).getMessage()
                .startsWith("Invalid value for option '--socket': 'a\0b' is not a path"));
    }

    @Test
    void badArgumentsExitTwoWithAHintAndHelpExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.FATAL, Mosnetd.run(new String[] {"--bogus"}, new PrintWriter(out, true),
                new PrintWriter(err, true)));
        assertEquals("mosnetd: Unknown option: '--bogus'\nTry 'mosnetd --help'.\n", err.toString());

        assertEquals(ExitCode.OK, Mosnetd.run(new String[] {"-h"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(out.toString().startsWith("Usage: mosnetd [-hV] [--check]"), out.toString());
        assertTrue(out.toString().contains("--resolv-conf=FILE"), out.toString());
    }
}
