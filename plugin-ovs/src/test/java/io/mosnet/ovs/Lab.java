package io.mosnet.ovs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs lab commands (ip, ovs-*, arping ...) for namespace tests; failures carry the command and its output. */
final class Lab {

    private Lab() {
    }

    record Result(int exit, String output) {
    }

    static Result run(String... command) {
        return run(30, command);
    }

    static Result run(int timeoutSeconds, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs and requires exit status 0; returns the output. */
    static String ok(String... command) {
        Result r = run(command);
        if (r.exit() != 0) {
            throw new AssertionError("`" + String.join(" ", command) + "` exited " + r.exit() + ":\n" + r.output());
        }
        return r.output();
    }

    static String[] inNs(String ns, String... command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(Arrays.asList(command));
        return c.toArray(String[]::new);
    }

    /** Fails loudly (never skips) when a tool the lab needs is missing. */
    static void require(String... tools) {
        for (String t : tools) {
            boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                    .split(":")).map(d -> Path.of(d, t)).anyMatch(Files::isExecutable);
            if (!found) {
                throw new AssertionError("namespace test needs '" + t + "' on PATH (install openvswitch-switch, "
                        + "iproute2, iputils-arping, iputils-ping, ndisc6)");
            }
        }
    }

    /** Stops the process whose PID is in {@code pidfile} (only what the test started) and waits for it. */
    static void stopByPidfile(Path pidfile) {
        try {
            if (!Files.exists(pidfile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidfile).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError("cannot stop the process of " + pidfile + ": " + e.getMessage(), e);
        }
    }
}
