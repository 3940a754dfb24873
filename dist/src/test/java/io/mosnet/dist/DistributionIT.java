package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.lab.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution starts on its own runtime, validates, plans, and loads the OVS drop-in. */
class DistributionIT {

    @TempDir
    Path tmp;

    private Path cmdline(String text) throws IOException {
        Path p = tmp.resolve("cmdline-" + Math.abs(text.hashCode()));
        Files.writeString(p, text + "\n");
        return p;
    }

    @Test
    void printsItsVersion() {
        Command.Result r = Distribution.mosnetd("--version").check();
        assertEquals("mosnetd " + System.getProperty("mosnet.version") + " (plugin API 0.1.0)", r.out().strip());
    }

    @Test
    void malformedParameterExitsTwoNamingParameterValueAndExpectation() throws IOException {
        Command.Result r = Distribution.mosnetd("--cmdline",
                cmdline("quiet mosip4=10.0.0.300,10.0.0.1,255.255.255.0 mosdhcp_timeout=soon").toString(), "--check");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("mosip4: '10.0.0.300' is not an IPv4 address"), r.err());
        assertTrue(r.err().contains("mosdhcp_timeout: 'soon' is not a whole number of seconds 1-3600"), r.err());
    }

    @Test
    void checkPrintsThePlanForHetznerPointToPoint() throws IOException {
        Command.Result r = Distribution.mosnetd("--cmdline", cmdline("mosip4=136.243.10.20,136.243.10.1,255.255.255.255 "
                + "mosip6=2a01:4f8:c17:1234::1/128,fe80::1 mosbridge=linux").toString(), "--check").check();
        assertTrue(r.out().contains("mode:     static"), r.out());
        assertTrue(r.out().contains("bridge:   mos (backend linux"), r.out());
        assertTrue(r.out().contains("routes:   136.243.10.1/32 dev mos; default via 136.243.10.1 dev mos; "
                + "default via fe80::1 dev mos"), r.out());
    }

    @Test
    void minimalInstallRefusesOvsBeforeTouchingAnythingAndSaysWhichFileToDropIn() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("plugins"));
        Command.Result r = Distribution.mosnetd("--cmdline", cmdline("mosbridge=ovs").toString(),
                "--plugins", empty.toString(), "--check");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("mosbridge=ovs: no bridge backend 'ovs' is installed; installed: linux."), r.err());
        assertTrue(r.err().contains("plugin-ovs-<version>.jar; copy that file into " + empty), r.err());
    }

    @Test
    void droppingTheOvsPluginFileInMakesAFullInstall() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("full-plugins"));
        Files.copy(Distribution.ovsPlugin(), plugins.resolve(Distribution.ovsPlugin().getFileName()));
        Command.Result r = Distribution.mosnetd("--cmdline", cmdline("mosip4=10.0.0.2,10.0.0.1,24").toString(),
                "--plugins", plugins.toString(), "--check").check();
        assertTrue(r.out().contains("bridge:   mos (backend ovs"), "ovs is chosen automatically once installed:\n" + r.out());
        assertTrue(r.out().matches("(?s).*plugin:\\s+bridge backend ovs \\S+ from " + plugins.resolve("plugin-ovs-")
                .toString().replace(".", "\\.") + ".*"), r.out());
        assertTrue(r.out().contains("plugin:   bridge backend linux"), r.out());
    }

    @Test
    void fullTarballIsTheMinimalOnePlusTheOvsPlugin() throws IOException {
        Path target = Distribution.home().getParent();
        String v = System.getProperty("mosnet.version");
        List<String> minimal = tarList(target.resolve("mosnet-" + v + "-minimal.tar.gz"));
        List<String> full = tarList(target.resolve("mosnet-" + v + "-full.tar.gz"));
        List<String> extra = full.stream().filter(f -> !minimal.contains(f)).toList();
        assertEquals(1, extra.size(), extra.toString());
        assertTrue(extra.get(0).matches("mosnet-[^/]+/plugins/plugin-ovs-.*\\.jar"), extra.toString());
        assertTrue(minimal.contains("mosnet-" + v + "/bin/mosnetd"));
        assertTrue(minimal.contains("mosnet-" + v + "/runtime/bin/java"));
    }

    @Test
    void carriesAotCachesTrainedForItsOwnDirectory() throws IOException {
        Path lib = Distribution.home().resolve("lib");
        assertTrue(Files.size(lib.resolve("mosnetd.aot")) > 0, "mosnetd.aot is empty");
        assertTrue(Files.size(lib.resolve("mosnet.aot")) > 0, "mosnet.aot is empty");
        assertEquals(Distribution.home().toRealPath().toString(), Files.readString(lib.resolve("aot.home")).strip());
        assertFalse(tarList(Distribution.home().getParent().resolve("mosnet-" + System.getProperty("mosnet.version")
                + "-minimal.tar.gz")).stream().anyMatch(f -> f.endsWith(".aot")), "tarballs carry no caches");
    }

    @Test
    void startsWithoutTheAotCacheWhenItDoesNotMatch() throws IOException {
        // Moved elsewhere: the caches were trained for the original directory, so the launchers leave them out.
        Path copy = tmp.resolve("moved");
        Command.run(List.of("cp", "-a", Distribution.home().toString(), copy.toString()), 120).check();
        String version = "mosnetd " + System.getProperty("mosnet.version") + " (plugin API 0.1.0)";
        assertEquals(version, run(copy.resolve("bin/mosnetd"), "--version").check().out().strip());

        // Claimed for this directory but unusable: the JVM says so on standard error and starts without it.
        Files.writeString(copy.resolve("lib/aot.home"), copy.toRealPath() + "\n");
        Files.writeString(copy.resolve("lib/mosnetd.aot"), "not an AOT cache");
        Files.writeString(copy.resolve("lib/mosnet.aot"), "not an AOT cache");
        Command.Result daemon = run(copy.resolve("bin/mosnetd"), "--version").check();
        assertEquals(version, daemon.out().strip(), "nothing but the version on standard output");
        assertTrue(daemon.err().contains("AOT cache"), "the JVM names the problem: " + daemon.err());
        Command.Result cli = run(copy.resolve("bin/mosnet"), "--help").check();
        assertTrue(cli.out().startsWith("Usage: mosnet"), cli.out());
    }

    @Test
    void launchersFindTheirHomeThroughASymlink() throws IOException {
        // As installed by a package: /usr/sbin/mosnetd -> /opt/mosnet/bin/mosnetd.
        Path link = Files.createSymbolicLink(tmp.resolve("mosnetd"), Distribution.home().resolve("bin/mosnetd"));
        assertEquals("mosnetd " + System.getProperty("mosnet.version") + " (plugin API 0.1.0)",
                run(link, "--version").check().out().strip());
        Path cli = Files.createSymbolicLink(tmp.resolve("mosnet"), Distribution.home().resolve("bin/mosnet"));
        assertTrue(run(cli, "--help").check().out().startsWith("Usage: mosnet"));
    }

    @Test
    void launchersRepeatTheRuntimesOwnIncludeInExceptions() throws IOException {
        // Named on the command line only so that InetAddress skips reading java.security; never a different value.
        String key = "jdk.includeInExceptions=";
        String runtime = Files.readAllLines(Distribution.home().resolve("runtime/conf/security/java.security"))
                .stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
        for (String launcher : List.of("bin/mosnetd", "bin/mosnet")) {
            String text = Files.readString(Distribution.home().resolve(launcher));
            assertTrue(text.contains("-D" + runtime + " "), launcher + " names " + runtime);
        }
    }

    @Test
    void theRuntimeModuleProvidesTheJdksLoggerFinder() {
        // Found in the module graph, it spares the JDK a search of every jar for one when java.util.logging starts
        // (JNA's loggers, on the way to the first netlink socket) and on every System.exit.
        Path home = Distribution.home();
        String module = Command.run(home.resolve("runtime/bin/java").toString(), "-p", home.resolve("lib").toString(),
                "--describe-module", "io.mosnet.runtime").check().out();
        assertTrue(module.contains(
                "provides java.lang.System$LoggerFinder with io.mosnet.runtime.log.SystemLoggerFinder"), module);
    }

    private static Command.Result run(Path launcher, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return Command.run(cmd, 60);
    }

    private static List<String> tarList(Path tarball) {
        return Command.run("tar", "-tzf", tarball.toString()).check().out().lines().toList();
    }

    @Test
    void minimalDistributionHasNoOvsClasses() throws IOException {
        try (Stream<Path> jars = Files.list(Distribution.home().resolve("lib"))) {
            for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    assertFalse(j.stream().anyMatch(e -> e.getName().startsWith("io/mosnet/ovs/")),
                            jar + " carries OVS classes");
                }
            }
        }
        try (Stream<Path> p = Files.list(Distribution.home().resolve("plugins"))) {
            assertEquals(0, p.count(), "the minimal distribution's plugins/ is empty");
        }
    }
}
