package io.mosnet.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.lab.Command;
import io.mosnet.lab.Lab;
import io.mosnet.lab.LabProcess;
import io.mosnet.lab.Namespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** mosnetd from the distribution, started in a lab namespace with its files in the lab's directory. */
final class RunningDaemon implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Lab lab;
    final Namespace ns;
    final Path dir;
    LabProcess process;

    private RunningDaemon(Lab lab, Namespace ns, Path dir) {
        this.lab = lab;
        this.ns = ns;
        this.dir = dir;
    }

    /** The drop-in plugin directory mosnetd in {@code ns} will get ({@code --plugins}), created empty. */
    static Path pluginsDir(Lab lab, Namespace ns) throws IOException {
        return Files.createDirectories(lab.dir().resolve("mosnetd-" + ns.name()).resolve("plugins"));
    }

    /** Starts mosnetd in {@code ns} with {@code cmdline} and waits until its state says running. */
    static RunningDaemon start(Lab lab, Namespace ns, String cmdline, String... extra) throws IOException {
        Path dir = Files.createDirectories(lab.dir().resolve("mosnetd-" + ns.name()));
        Files.writeString(dir.resolve("cmdline"), cmdline + "\n");
        RunningDaemon d = new RunningDaemon(lab, ns, dir);
        d.launch(extra);
        d.awaitRunning(Duration.ofSeconds(40));
        return d;
    }

    /** Starts mosnetd without waiting for it to come up (for failure paths). */
    static RunningDaemon startNoWait(Lab lab, Namespace ns, String cmdline, String... extra) throws IOException {
        Path dir = Files.createDirectories(lab.dir().resolve("mosnetd-" + ns.name()));
        Files.writeString(dir.resolve("cmdline"), cmdline + "\n");
        RunningDaemon d = new RunningDaemon(lab, ns, dir);
        d.launch(extra);
        return d;
    }

    /** Waits until the state file shows {@code phase}; returns that state. */
    JsonNode awaitPhase(String phase) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(state())) {
                try {
                    JsonNode st = stateJson();
                    if (phase.equals(st.path("phase").asText())) {
                        return st;
                    }
                } catch (IOException e) {
                    // being written
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("mosnetd never reached phase " + phase + ":\n" + process.output());
    }

    /**
     * Starts mosnetd without waiting, with {@code environment} added to its own (as a service manager passes
     * NOTIFY_SOCKET): {@code ip netns exec} passes its environment on, so {@code env} sets it.
     */
    static RunningDaemon startWithEnvironment(Lab lab, Namespace ns, String cmdline, Map<String, String> environment,
                                              String... extra) throws IOException {
        Path dir = Files.createDirectories(lab.dir().resolve("mosnetd-" + ns.name()));
        Files.writeString(dir.resolve("cmdline"), cmdline + "\n");
        RunningDaemon d = new RunningDaemon(lab, ns, dir);
        d.launch(environment, extra);
        return d;
    }

    void launch(String... extra) {
        launch(Map.of(), extra);
    }

    void launch(Map<String, String> environment, String... extra) {
        List<String> cmd = new ArrayList<>();
        if (!environment.isEmpty()) {
            cmd.add("env");
            environment.forEach((k, v) -> cmd.add(k + "=" + v));
        }
        cmd.addAll(List.of(Distribution.home().resolve("bin/mosnetd").toAbsolutePath().toString(),
                "--cmdline", dir.resolve("cmdline").toString(), "--state-file", state().toString(),
                "--socket", socket().toString(), "--resolv-conf", dir.resolve("resolv.conf").toString(),
                "--log-file", dir.resolve("mosnetd.log").toString(), "--plugins", dir.resolve("plugins").toString(),
                "--log-level", "debug"));
        cmd.addAll(List.of(extra));
        process = lab.start(ns, "mosnetd-" + ns.name() + "-" + System.nanoTime(), cmd.toArray(String[]::new));
    }

    /**
     * Starts mosnetd again (after it was killed) and waits until the NEW process reports running: the state file
     * still says running from the old one, so this waits for a different {@code startedAt}.
     */
    void relaunch(String... extra) throws IOException {
        String before = stateJson().path("startedAt").asText();
        launch(extra);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new AssertionError("mosnetd exited " + process.waitFor(1) + ":\n" + process.output());
            }
            try {
                JsonNode st = stateJson();
                if (!before.equals(st.path("startedAt").asText()) && "running".equals(st.path("phase").asText())) {
                    return;
                }
            } catch (IOException e) {
                // being written; look again
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("restarted mosnetd not running after 40 s:\n" + process.output());
    }

    /** Waits until uplink {@code index} of the state has an address (a second uplink's lease comes after running). */
    void awaitUplinkAddress(int index) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (stateJson().path("uplinks").path(index).path("addresses").size() > 0) {
                    return;
                }
            } catch (IOException e) {
                // being written
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("uplink " + index + " has no address after 40 s: " + stateJson());
    }

    Path state() {
        return dir.resolve("mosnet.json");
    }

    Path socket() {
        return dir.resolve("mosnet.sock");
    }

    JsonNode stateJson() throws IOException {
        return JSON.readTree(state().toFile());
    }

    void awaitRunning(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new AssertionError("mosnetd exited " + process.waitFor(1) + ":\n" + process.output());
            }
            try {
                if (Files.exists(state()) && "running".equals(stateJson().path("phase").asText())) {
                    return;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // being written; look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("mosnetd not running after " + timeout + ":\n" + process.output());
    }

    /** Runs the distribution's CLI in the daemon's namespace against its socket. */
    Command.Result cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Distribution.home().resolve("bin/mosnet").toAbsolutePath().toString(),
                "--socket", socket().toString()));
        cmd.addAll(List.of(args));
        return Command.run(ns.wrap(cmd.toArray(String[]::new)), 60);
    }

    JsonNode cliJson(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--json");
        Command.Result r = cli(a.toArray(String[]::new));
        if (r.status() > 1) {
            throw new AssertionError("mosnet " + a + " exited " + r.status() + ": " + r.err() + r.out());
        }
        return JSON.readTree(r.out());
    }

    /** SIGTERM, as a service manager stops it. */
    void stop() {
        if (process != null && process.alive()) {
            process.signal("TERM");
            process.waitFor(15);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
