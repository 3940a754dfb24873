package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.lab.Command;
import io.mosnet.lab.Lab;
import io.mosnet.runtime.netlink.UnixDatagramSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarballs' install.sh, run as a staged install (DESTDIR) so the machine is left alone, the service files it
 * installs, and mosnetd's readiness notification to a service manager, end to end in a namespace lab.
 */
class PackagingIT {

    @TempDir
    Path tmp;

    /** The full tarball, unpacked: what a user downloads and runs install.sh from. */
    Path unpacked;

    @BeforeEach
    void unpackFullTarball() throws IOException {
        String version = System.getProperty("mosnet.version");
        Path tarball = Distribution.home().resolveSibling("mosnet-" + version + "-full.tar.gz");
        Path into = Files.createDirectories(tmp.resolve("download"));
        Command.run(List.of("tar", "-C", into.toString(), "-xzf", tarball.toString()), 120).check();
        unpacked = into.resolve("mosnet-" + version);
    }

    private Command.Result install(String... args) {
        List<String> cmd = new ArrayList<>(List.of(unpacked.resolve("install.sh").toString()));
        cmd.addAll(List.of(args));
        return Command.run(cmd, 120);
    }

    @Test
    void stagedInstallPutsEverythingInConventionalPathsAndTheCopyRuns() throws IOException {
        Path root = tmp.resolve("root");
        Command.Result r = install("--destdir", root.toString()).check();
        assertTrue(r.out().contains("installed mosnet in " + root + "/opt/mosnet"), r.out());

        Path home = root.resolve("opt/mosnet");
        for (String f : List.of("bin/mosnetd", "bin/mosnet", "runtime/bin/java", "install.sh")) {
            assertTrue(Files.isExecutable(home.resolve(f)), f);
        }
        assertEquals(1, countJars(home.resolve("plugins")), "the full tarball's OVS plugin");
        assertEquals(Path.of("/opt/mosnet/bin/mosnetd"), Files.readSymbolicLink(root.resolve("usr/sbin/mosnetd")));
        assertEquals(Path.of("/opt/mosnet/bin/mosnet"), Files.readSymbolicLink(root.resolve("usr/bin/mosnet")));
        assertEquals(Files.readString(unpacked.resolve("etc/mosnet.toml.example")),
                Files.readString(root.resolve("etc/mosnet/mosnet.toml.example")));
        assertFalse(Files.exists(root.resolve("etc/mosnet/mosnet.toml")), "the configuration stays the user's");
        // A bare staging directory has no init system: both service files, neither enabled.
        assertTrue(Files.isRegularFile(root.resolve("etc/systemd/system/mosnetd.service")));
        assertTrue(Files.isExecutable(root.resolve("etc/init.d/mosnet")));
        assertFalse(Files.exists(root.resolve("etc/systemd/system/multi-user.target.wants")));
        assertFalse(Files.exists(root.resolve("etc/runlevels")));

        // The installed copy starts on its own runtime from its new place.
        Command.Result v = Command.run(List.of(home.resolve("bin/mosnetd").toString(), "--version"), 60).check();
        assertTrue(v.out().startsWith("mosnetd " + System.getProperty("mosnet.version")), v.out());
    }

    @Test
    void systemdUnitIsANotifyServiceOrderedBeforeTheNetworkTargets() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString(), "--init", "systemd").check();
        Path unit = root.resolve("etc/systemd/system/mosnetd.service");
        Map<String, List<String>> keys = unitKeys(Files.readString(unit));
        assertEquals(List.of("notify"), keys.get("Service.Type"));
        assertEquals(List.of("/opt/mosnet/bin/mosnetd"), keys.get("Service.ExecStart"));
        assertEquals(List.of("on-failure"), keys.get("Service.Restart"));
        assertEquals(List.of("2"), keys.get("Service.RestartSec"));
        assertEquals(List.of("2"), keys.get("Service.RestartPreventExitStatus"));
        assertEquals(List.of("143"), keys.get("Service.SuccessExitStatus"));
        assertTrue(words(keys.get("Unit.Before")).containsAll(List.of("network.target", "network-online.target")));
        assertEquals(List.of("network.target"), keys.get("Unit.Wants"));
        assertTrue(words(keys.get("Unit.After")).contains("openvswitch-switch.service"));
        assertTrue(words(keys.get("Service.CapabilityBoundingSet")).containsAll(
                List.of("CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE")));
        assertTrue(words(keys.get("Service.RestrictAddressFamilies")).containsAll(
                List.of("AF_UNIX", "AF_NETLINK", "AF_PACKET", "AF_INET", "AF_INET6")));
        assertFalse(keys.containsKey("Service.ProtectKernelTunables"), "mosnetd writes /proc/sys/net");
        assertFalse(keys.containsKey("Service.MemoryDenyWriteExecute"), "the JVM compiles code");
        assertEquals(List.of("multi-user.target"), keys.get("Install.WantedBy"));
        assertFalse(Files.exists(root.resolve("etc/init.d/mosnet")), "--init systemd installs no OpenRC script");

        if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
            // verify checks that ExecStart exists, so it gets the unit pointing at the staged copy.
            Path check = Files.createDirectories(tmp.resolve("verify")).resolve("mosnetd.service");
            Files.writeString(check, Files.readString(unit).replace("/opt/mosnet/", root + "/opt/mosnet/"));
            Command.Result v = Command.run(List.of("systemd-analyze", "verify", "--man=no", check.toString()), 60);
            // verify exits 0 on unknown keys too, only warning: any output is a failure.
            assertEquals(0, v.status(), v.err());
            assertEquals("", (v.out() + v.err()).strip(), "systemd-analyze verify complains");
        }
    }

    @Test
    void openRcScriptStartsMosnetdInTheBackgroundWithItsLog() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString(), "--init", "openrc").check();
        Path script = root.resolve("etc/init.d/mosnet");
        String s = Files.readString(script);
        assertTrue(s.startsWith("#!/sbin/openrc-run\n"), s);
        assertTrue(Files.getPosixFilePermissions(script).contains(PosixFilePermission.OTHERS_EXECUTE));
        assertTrue(s.contains("command=\"/opt/mosnet/bin/mosnetd\""), s);
        assertTrue(s.contains("command_background=true"), "start-stop-daemon --background --make-pidfile");
        assertTrue(s.contains("pidfile=\"/run/${RC_SVCNAME}.pid\""), s);
        assertTrue(s.contains("output_log=\"/var/log/mosnet.log\"") && s.contains("error_log=\"/var/log/mosnet.log\""));
        assertTrue(s.contains("--log-file none"), "one writer of the log file: start-stop-daemon");
        assertTrue(s.contains("need localmount") && s.contains("before net"), s);
        assertTrue(Command.run(List.of("sh", "-n", script.toString()), 30).ok(), "valid shell");
        assertFalse(Files.exists(root.resolve("etc/systemd/system/mosnetd.service")));
    }

    @Test
    void logrotateCopiesAndTruncatesTheOpenLog() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString()).check();
        String conf = Files.readString(root.resolve("etc/logrotate.d/mosnet"));
        assertTrue(conf.contains("/var/log/mosnet.log {"), conf);
        assertTrue(conf.contains("copytruncate"), "mosnetd keeps the file open");
        assertTrue(conf.contains("missingok"), conf);
        if (Files.isExecutable(Path.of("/usr/sbin/logrotate"))) {
            Command.Result d = Command.run(List.of("/usr/sbin/logrotate", "--debug", "--state",
                    tmp.resolve("logrotate.state").toString(), root.resolve("etc/logrotate.d/mosnet").toString()), 30);
            assertEquals(0, d.status(), d.err());
        }
    }

    @Test
    void manPageIsRoffWithANameSectionAndCompletionLoadsInBash() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString()).check();
        Path man = root.resolve("usr/share/man/man1/mosnet.1");
        String roff = Files.readString(man);
        assertTrue(roff.startsWith(".TH MOSNET 1 "), roff.lines().findFirst().orElse(""));
        assertTrue(roff.contains("\n.SH NAME\nmosnet \\- "), "NAME section in whatis form");
        assertTrue(roff.contains("\n.SH SYNOPSIS\n") && roff.contains("\n.SS status\n"), "subcommands listed");
        if (Files.isExecutable(Path.of("/usr/bin/groff"))) {
            Command.Result g = Command.run(List.of("groff", "-man", "-Tutf8", "-ww", "-z", man.toString()), 30);
            assertEquals(0, g.status(), g.err());
            assertEquals("", g.err().strip(), "groff warnings");
        }

        Path completion = root.resolve("usr/share/bash-completion/completions/mosnet");
        Command.Result b = Command.run(List.of("bash", "-c", "source " + completion + " && complete -p mosnet"), 30);
        assertEquals(0, b.status(), b.err());
        assertTrue(b.out().contains(" mosnet"), b.out());
    }

    @Test
    void installingTwiceChangesNothingAndEnableLinksTheServices() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString(), "--enable").check();
        Map<String, String> first = tree(root);
        install("--destdir", root.toString(), "--enable").check();
        assertEquals(first, tree(root), "a second install leaves the same tree");
        // And from the installed copy itself, as an upgrade script would run it.
        Command.run(List.of(root.resolve("opt/mosnet/install.sh").toString(), "--destdir", root.toString(),
                "--enable"), 120).check();
        assertEquals(first, tree(root));

        assertEquals(Path.of("/etc/systemd/system/mosnetd.service"),
                Files.readSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/mosnetd.service")));
        assertEquals(Path.of("/etc/init.d/mosnet"), Files.readSymbolicLink(root.resolve("etc/runlevels/boot/mosnet")));
    }

    /**
     * A staging directory holding a systemd system, as an image's root file system does: install.sh finds systemd
     * there, installs only the unit, enables it with the links {@code systemctl enable} makes, one in
     * {@code <target>.wants} for each of the unit's WantedBy= targets, and adds the group to that system's files.
     */
    @Test
    void enableInASystemdRootMakesTheLinksSystemctlEnableWould() throws IOException {
        Path root = systemdRoot("root");
        Command.Result r = install("--destdir", root.toString(), "--enable").check();
        Path system = root.resolve("etc/systemd/system");
        List<String> targets = words(unitKeys(Files.readString(system.resolve("mosnetd.service")))
                .get("Install.WantedBy"));
        assertFalse(targets.isEmpty(), "the unit names its WantedBy= targets");
        for (String target : targets) {
            assertEquals(Path.of("/etc/systemd/system/mosnetd.service"),
                    Files.readSymbolicLink(system.resolve(target + ".wants/mosnetd.service")), target);
        }
        assertTrue(r.out().contains("mosnetd.service enabled (" + String.join(" ", targets) + ")"), r.out());
        assertFalse(Files.exists(root.resolve("etc/init.d/mosnet")), "systemd found: no OpenRC script");
        assertFalse(Files.exists(root.resolve("etc/runlevels")));
        assertTrue(Files.readAllLines(root.resolve("etc/group")).stream().anyMatch(l -> l.startsWith("mosnet:")),
                "group mosnet in the staged system's /etc/group");

        if (Files.isExecutable(Path.of("/usr/bin/systemctl"))) {
            // systemctl enable itself, on a second root installed without --enable: the same unit directory.
            Path other = systemdRoot("other");
            install("--destdir", other.toString()).check();
            Command.run(List.of("systemctl", "--root=" + other, "enable", "mosnetd.service"), 60).check();
            assertEquals(tree(other.resolve("etc/systemd")), tree(root.resolve("etc/systemd")));
        }

        install("--destdir", root.toString(), "--uninstall").check();
        for (String target : targets) {
            assertFalse(Files.exists(system.resolve(target + ".wants/mosnetd.service"), LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** An empty root file system with systemd, as install.sh recognises one, and an /etc/group. */
    private Path systemdRoot(String name) throws IOException {
        Path root = tmp.resolve(name);
        Path systemd = Files.createDirectories(root.resolve("usr/lib/systemd")).resolve("systemd");
        Files.writeString(systemd, "#!/bin/sh\n");
        Files.setPosixFilePermissions(systemd, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib")); // merged /usr, as Debian 12 has it
        Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("group"), "root:x:0:\n");
        return root;
    }

    /**
     * Start-up caches serve only the directory bin/mosnet-aot trained them for (lib/aot.home): install.sh leaves
     * out caches trained elsewhere, which the launchers would never use, says how to train them, and keeps caches
     * trained for the prefix.
     */
    @Test
    void startUpCachesComeAlongOnlyWhenTrainedForThePrefix() throws IOException {
        Path lib = unpacked.resolve("lib");
        Files.writeString(lib.resolve("mosnetd.aot"), "cache");
        Files.writeString(lib.resolve("aot.home"), "/build/dist/target/mosnet\n");
        Path root = tmp.resolve("root");
        Command.Result r = install("--destdir", root.toString()).check();
        Path home = root.resolve("opt/mosnet");
        assertFalse(Files.exists(home.resolve("lib/mosnetd.aot")), "a cache for /build/dist/target/mosnet");
        assertFalse(Files.exists(home.resolve("lib/aot.home")));
        assertTrue(r.out().contains("trained for /build/dist/target/mosnet, not /opt/mosnet"), r.out());
        assertTrue(r.out().contains("run /opt/mosnet/bin/mosnet-aot as root"), r.out());
        assertTrue(Files.exists(lib.resolve("mosnetd.aot")), "the source is left as it was");

        Files.writeString(lib.resolve("aot.home"), "/opt/mosnet\n");
        r = install("--destdir", root.toString()).check();
        assertEquals("cache", Files.readString(home.resolve("lib/mosnetd.aot")));
        assertEquals("/opt/mosnet\n", Files.readString(home.resolve("lib/aot.home")));
        assertFalse(r.out().contains("mosnet-aot"), r.out());
    }

    @Test
    void upgradeReplacesModulesAndShippedPluginsButKeepsDroppedInOnes() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString()).check();
        Path home = root.resolve("opt/mosnet");
        Files.writeString(home.resolve("lib/old-module-0.0.1.jar"), "stale");
        Files.writeString(home.resolve("plugins/plugin-ovs-0.0.1.jar"), "stale");
        Files.writeString(home.resolve("plugins/acme-backend-1.0.jar"), "the user's");
        install("--destdir", root.toString()).check();
        assertFalse(Files.exists(home.resolve("lib/old-module-0.0.1.jar")), "two versions of a module stop the JVM");
        assertFalse(Files.exists(home.resolve("plugins/plugin-ovs-0.0.1.jar")), "one OVS plugin, the new one");
        assertTrue(Files.exists(home.resolve("plugins/acme-backend-1.0.jar")));
        assertEquals(2, countJars(home.resolve("plugins")));
    }

    @Test
    void prefixMovesTheTreeAndTheServiceFilesFollow() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString(), "--prefix", "/srv/mosnet").check();
        assertTrue(Files.isExecutable(root.resolve("srv/mosnet/bin/mosnetd")));
        assertTrue(Files.readString(root.resolve("etc/systemd/system/mosnetd.service"))
                .contains("\nExecStart=/srv/mosnet/bin/mosnetd\n"));
        assertTrue(Files.readString(root.resolve("etc/init.d/mosnet")).contains("command=\"/srv/mosnet/bin/mosnetd\""));
        assertEquals(Path.of("/srv/mosnet/bin/mosnet"), Files.readSymbolicLink(root.resolve("usr/bin/mosnet")));
        assertFalse(Files.exists(root.resolve("opt")));
    }

    @Test
    void uninstallRemovesWhatInstallPutThereAndKeepsTheConfiguration() throws IOException {
        Path root = tmp.resolve("root");
        install("--destdir", root.toString(), "--enable").check();
        Files.writeString(root.resolve("etc/mosnet/mosnet.toml"), "bridge = \"linux\"\n");
        install("--destdir", root.toString(), "--uninstall").check();
        assertEquals(List.of("etc/mosnet/mosnet.toml"), new ArrayList<>(tree(root).keySet()));
        install("--destdir", root.toString(), "--uninstall").check(); // nothing left to remove: still fine
    }

    @Test
    void rejectsARelativePrefixAndAnUnknownInitSystem() {
        Command.Result p = install("--destdir", tmp.resolve("root").toString(), "--prefix", "opt/mosnet");
        assertEquals(1, p.status());
        assertTrue(p.err().contains("--prefix 'opt/mosnet' must be an absolute directory"), p.err());
        Command.Result i = install("--destdir", tmp.resolve("root").toString(), "--init", "upstart");
        assertEquals(1, i.status());
        assertTrue(i.err().contains("--init 'upstart' is not one of auto, systemd, openrc, both, none"), i.err());
    }

    @Test
    void tarballsCarryTheServiceFilesInstallerManPageAndCompletion() {
        String version = System.getProperty("mosnet.version");
        for (String flavour : List.of("minimal", "full")) {
            Path tarball = Distribution.home().resolveSibling("mosnet-" + version + "-" + flavour + ".tar.gz");
            String list = Command.run(List.of("tar", "-tzvf", tarball.toString()), 120).check().out();
            String top = "mosnet-" + version + "/";
            for (String f : List.of("install.sh", "share/systemd/mosnetd.service", "share/openrc/mosnet",
                    "share/logrotate/mosnet", "share/man/man1/mosnet.1", "share/bash-completion/mosnet",
                    "etc/mosnet.toml.example")) {
                assertTrue(list.contains(" " + top + f + "\n"), flavour + " tarball lacks " + f);
            }
            assertTrue(list.lines().anyMatch(l -> l.startsWith("-rwxr-xr-x") && l.endsWith(" " + top + "install.sh")),
                    "install.sh is executable in the " + flavour + " tarball");
        }
    }

    /** The repository's examples/, beside the modules. */
    private static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
            return s.filter(f -> f.toString().endsWith(".cmdline") || f.toString().endsWith(".toml")).sorted().toList();
        }
    }

    /** {@code mosnetd --check} on one example, the OVS plugin available as in the full tarball. */
    private Command.Result check(Path example) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("--plugins", Distribution.ovsPlugin().getParent().toString()));
        if (example.toString().endsWith(".toml")) {
            cmd.addAll(List.of("--cmdline", "/dev/null", "--config", example.toString()));
        } else {
            cmd.addAll(List.of("--cmdline", example.toString()));
        }
        cmd.add("--check");
        return Distribution.mosnetd(cmd.toArray(String[]::new));
    }

    @Test
    void everyWorkingExamplePassesTheDistributionsCheck() throws IOException {
        List<Path> working = examples();
        assertEquals(12, working.size(), working.toString());
        for (Path f : working) {
            Command.Result r = check(f);
            assertEquals(0, r.status(), f + ": " + r.err());
            assertTrue(r.out().startsWith("mosnetd plan (--check: nothing was changed)"), f + ": " + r.out());
            assertEquals("", r.err().strip(), f + " gives warnings");
        }
    }

    /**
     * mosnetd under a service manager: with NOTIFY_SOCKET set it reports its progress, sends READY=1 only when
     * the bridge has the address and the default route, and STOPPING=1 on SIGTERM.
     */
    @Test
    void notifiesReadinessOnceTheNetworkIsUpAndStoppingOnSigterm() throws Exception {
        try (Lab.Standard s = Lab.standard("sdn", 1, 1)) {
            // A path socket: an abstract one would belong to the test's network namespace, not mosnetd's.
            String address = s.lab().dir().resolve("notify.sock").toString();
            try (UnixDatagramSocket manager = UnixDatagramSocket.bind(address);
                 RunningDaemon d = RunningDaemon.startWithEnvironment(s.lab(), s.host(),
                         "mosip4=10.77.0.10,10.77.0.1,255.255.255.0 mosbridge=linux",
                         Map.of("NOTIFY_SOCKET", address))) {
                List<String> before = new ArrayList<>();
                String ready = awaitMessage(manager, d, m -> m.contains("READY=1"), before);
                // The moment READY arrives the network must already be there.
                assertTrue(s.host().ip("-4", "addr", "show", "dev", "mos").contains("inet 10.77.0.10/24"));
                assertTrue(s.host().ip("route").contains("default via 10.77.0.1 dev mos"));
                assertEquals("running", d.stateJson().path("phase").asText());
                assertTrue(ready.contains("\nSTATUS=running: static mode, eth0 in mos, 10.77.0.10/24\n"), ready);
                assertTrue(before.contains("STATUS=configuring static mode\n"), before.toString());

                d.process.signal("TERM");
                String stopping = awaitMessage(manager, d, m -> m.contains("STOPPING=1"), new ArrayList<>());
                assertTrue(stopping.startsWith("STOPPING=1\n"), stopping);
                assertEquals(143, d.process.waitFor(15), "the JVM's status after SIGTERM, which the unit calls success");
            }
        }
    }

    @Test
    void reportsRetriesWithoutClaimingReadinessWhileTheGatewayIsUnreachable() throws Exception {
        try (Lab.Standard s = Lab.standard("sdr", 1, 1)) {
            String address = s.lab().dir().resolve("notify.sock").toString();
            try (UnixDatagramSocket manager = UnixDatagramSocket.bind(address);
                 RunningDaemon d = RunningDaemon.startWithEnvironment(s.lab(), s.host(),
                         "mosip4=10.77.0.10,10.77.0.99,255.255.255.0 mosbridge=linux",
                         Map.of("NOTIFY_SOCKET", address))) {
                List<String> before = new ArrayList<>();
                String retrying = awaitMessage(manager, d, m -> m.startsWith("STATUS=retrying: "), before);
                assertTrue(retrying.contains("10.77.0.99"), retrying);
                assertTrue(before.stream().noneMatch(m -> m.contains("READY=1")), before.toString());
            }
        }
    }

    /** Receives notifications until one matches (returned); the ones before it are added to {@code before}. */
    private static String awaitMessage(UnixDatagramSocket socket, RunningDaemon d,
                                       java.util.function.Predicate<String> wanted, List<String> before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<byte[]> got = socket.receive(Duration.ofMillis(500));
            if (got.isPresent()) {
                String m = new String(got.get(), StandardCharsets.UTF_8);
                if (wanted.test(m)) {
                    return m;
                }
                before.add(m);
            } else if (!d.process.alive()) {
                throw new AssertionError("mosnetd exited " + d.process.waitFor(1) + " after " + before + ":\n"
                        + d.process.output());
            }
        }
        throw new AssertionError("no matching notification within 60 s; got " + before + ":\n" + d.process.output());
    }

    /** Section.Key to values, in file order; comments and blank lines skipped (systemd.syntax(7)). */
    static Map<String, List<String>> unitKeys(String unit) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String section = "";
        for (String line : unit.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "not a key=value line: " + line);
            keys.computeIfAbsent(section + "." + line.substring(0, eq).strip(), k -> new ArrayList<>())
                    .add(line.substring(eq + 1).strip());
        }
        return keys;
    }

    private static List<String> words(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(v -> Stream.of(v.split("\\s+"))).toList();
    }

    private static long countJars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".jar")).count();
        }
    }

    /** Every file and link under {@code root} (relative path to size or link target); directories left out. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    out.put(rel, Files.size(p) + " bytes " + Files.getPosixFilePermissions(p));
                }
            }
        }
        return out;
    }
}
