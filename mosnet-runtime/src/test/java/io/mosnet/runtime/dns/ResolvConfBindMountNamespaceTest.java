package io.mosnet.runtime.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real bind mount over the target, as {@code ip netns exec} and containers make over /etc/resolv.conf. The mount
 * lives in a private mount namespace of a child process ({@code unshare -m}), which runs {@link Probe} and then
 * exits, taking the mount with it: nothing outside the test's temporary directory is touched.
 */
class ResolvConfBindMountNamespaceTest {

    @TempDir
    Path dir;

    /** Runs inside the child's mount namespace: writes resolv.conf at args[0] and prints the outcome. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("outcome=" + new ResolvConfWriter(Path.of(args[0])).write(ResolvConfWriterTest.CONF));
        }
    }

    @Test
    void writesThroughBindMountInPlace() throws Exception {
        Path mounted = dir.resolve("netns-resolv.conf");
        Path target = dir.resolve("resolv.conf");
        Files.writeString(mounted, "nameserver 192.0.2.99\n");
        Files.writeString(target, "original\n");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount --bind \"$1\" \"$2\" && exec \"$3\" -cp \"$4\" \"$5\" \"$2\"",
                "probe", mounted.toString(), target.toString(), java, System.getProperty("java.class.path"),
                Probe.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("probe did not finish within 60 s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
            assertEquals(true, output.contains("outcome=OVERWRITTEN_IN_PLACE"), output);
        } finally {
            p.destroyForcibly();
        }
        // The write went through the mount into the mounted file; the file underneath is untouched.
        assertEquals(ResolvConfWriterTest.CONF.render(), Files.readString(mounted));
        assertEquals("original\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

}
