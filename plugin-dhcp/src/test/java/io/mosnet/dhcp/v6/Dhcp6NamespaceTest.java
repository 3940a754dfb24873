package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client through the real {@link UdpDhcp6Transport} against kea-dhcp6-server delegating prefixes, across a
 * veth pair between two namespaces made for this run, and against a silent peer for the SLAAC-only report. The
 * client runs as a child JVM inside its namespace ({@link Dhcp6NamespaceClient}). Needs root, {@code ip} and
 * {@code kea-dhcp6}; fails loudly without them. Nothing touches the root namespace; kea is stopped by its PID.
 */
class Dhcp6NamespaceTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String SERVER_NS = "md6s-" + RUN;
    static final String CLIENT_NS = "md6c-" + RUN;
    static final String SILENT_NS = "md6q-" + RUN;
    static final String LONELY_NS = "md6l-" + RUN;
    static final String SERVER_NIC = "vs" + RUN;
    static final String CLIENT_NIC = "vc" + RUN;
    static Path dir;
    static final String SERVER2_NS = "md6r-" + RUN;
    static final String CLIENT2_NS = "md6k-" + RUN;
    static Process kea;
    static Process kea2;

    @BeforeAll
    static void lab() throws Exception {
        dir = Files.createTempDirectory("mosnet-dhcp6-");
        for (String ns : List.of(SERVER_NS, CLIENT_NS, SILENT_NS, LONELY_NS)) {
            run("ip", "netns", "add", ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        run("ip", "link", "add", SERVER_NIC, "netns", SERVER_NS, "type", "veth", "peer", "name", CLIENT_NIC,
                "netns", CLIENT_NS);
        run("ip", "link", "add", "vq" + RUN, "netns", SILENT_NS, "type", "veth", "peer", "name", "vl" + RUN,
                "netns", LONELY_NS);
        for (String[] end : new String[][] {{SERVER_NS, SERVER_NIC}, {CLIENT_NS, CLIENT_NIC},
                {SILENT_NS, "vq" + RUN}, {LONELY_NS, "vl" + RUN}}) {
            run("ip", "-n", end[0], "link", "set", end[1], "up");
        }
        run("ip", "-n", SERVER_NS, "addr", "add", "2001:db8:1::1/64", "dev", SERVER_NIC);
        waitForLinkLocal(SERVER_NS, SERVER_NIC);
        waitForLinkLocal(CLIENT_NS, CLIENT_NIC);
        waitForLinkLocal(LONELY_NS, "vl" + RUN);
        kea = startKea(SERVER_NS, SERVER_NIC, "kea");
    }

    /** Starts kea-dhcp6 on {@code nic} in {@code ns}: T1 4 s, T2 7 s, preferred 10 s, valid 15 s, /56 from a /48. */
    static Process startKea(String ns, String nic, String name) throws Exception {
        Path config = dir.resolve(name + ".json");
        Files.writeString(config, """
                { "Dhcp6": {
                  "interfaces-config": { "interfaces": [ "%s" ] },
                  "lease-database": { "type": "memfile", "persist": true, "name": "%s/%s.csv",
                                      "lfc-interval": 0 },
                  "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "6d6f736e6574",
                                 "persist": false },
                  "renew-timer": 4, "rebind-timer": 7, "preferred-lifetime": 10, "valid-lifetime": 15,
                  "option-data": [ { "name": "dns-servers", "data": "2001:db8:53::53" },
                                   { "name": "domain-search", "data": "lab.example" } ],
                  "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%s",
                     "pools": [ { "pool": "2001:db8:1::100-2001:db8:1::1ff" } ],
                     "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 48, "delegated-len": 56 } ] } ],
                  "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "%s/%s.log" } ],
                                 "severity": "INFO" } ]
                } }
                """.formatted(nic, dir, name, nic, dir, name));
        Path out = dir.resolve(name + ".out");
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", ns, "kea-dhcp6", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        pb.environment().put("KEA_PIDFILE_DIR", dir.resolve(name).toString());
        pb.environment().put("KEA_LOCKFILE_DIR", dir.resolve(name).toString());
        Files.createDirectories(dir.resolve(name));
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("kea-dhcp6 exited with " + p.exitValue() + ": " + Files.readString(out));
            }
            if (run("ip", "netns", "exec", ns, "ss", "-Huln", "sport", "=", ":547").contains("547")) {
                return p;
            }
            Thread.sleep(100);
        }
        stop(p);
        fail("kea-dhcp6 did not listen on port 547 within 15 s: " + Files.readString(out));
        return p;
    }

    /** Stops a process this test started, by its PID. */
    static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void teardown() throws Exception {
        stop(kea);
        stop(kea2);
        for (String ns : List.of(SERVER_NS, CLIENT_NS, SILENT_NS, LONELY_NS, SERVER2_NS, CLIENT2_NS)) {
            runQuietly("ip", "netns", "del", ns);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void bindsAnAddressAndADelegatedPrefixFromKeaAndRenewsThem() throws Exception {
        List<String> lines = client(CLIENT_NS, CLIENT_NIC, 12, 10, "pd", 2, "CHANGED");

        String bound = lines.get(0);
        assertTrue(bound.startsWith("CHANGED BOUND "), bound);
        String address = field(bound, "addresses");
        assertTrue(IpNetwork.parse("2001:db8:1::/64").contains(IpAddresses.parse(address)), bound);
        IpNetwork prefix = IpNetwork.parse(field(bound, "prefixes"));
        assertEquals(56, prefix.prefixLength(), bound);
        assertTrue(IpNetwork.parse("2001:db8:100::/48").contains(prefix.address()), bound);
        assertEquals("4", field(bound, "renewIn"), bound);
        assertEquals("2001:db8:53::53", field(bound, "dns"), bound);
        assertEquals("lab.example", field(bound, "domains"), bound);
        assertEquals("0002000009bf6d6f736e6574", field(bound, "server"), bound);

        String renewed = lines.get(1);
        assertTrue(renewed.startsWith("CHANGED BOUND "), renewed);
        assertEquals(address, field(renewed, "addresses"), "the renewal keeps the address");
        assertEquals(prefix.toString(), field(renewed, "prefixes"), "the renewal keeps the prefix");
        String leases = Files.readString(dir.resolve("kea.csv"));
        assertTrue(leases.contains(prefix.address().getHostAddress().replaceAll("(:0)+$", "")) || leases.contains(
                IpAddresses.format(prefix.address())), "kea recorded the delegation: " + leases);
    }

    @Test
    void saysSlaacOnlyWhenNoServerAnswers() throws Exception {
        List<String> lines = client(LONELY_NS, "vl" + RUN, 6, 3, "na", 1, "NOSERVER");

        assertTrue(lines.get(0).contains("SLAAC only"), lines.get(0));
    }

    @Test
    void rebindsWhenTheServerStopsLosesTheLeaseAtItsEndAndBindsAgainWhenItReturns() throws Exception {
        String nic2 = "vk" + RUN;
        for (String ns : List.of(SERVER2_NS, CLIENT2_NS)) {
            run("ip", "netns", "add", ns);
        }
        run("ip", "link", "add", "vr" + RUN, "netns", SERVER2_NS, "type", "veth", "peer", "name", nic2, "netns",
                CLIENT2_NS);
        run("ip", "-n", SERVER2_NS, "link", "set", "vr" + RUN, "up");
        run("ip", "-n", CLIENT2_NS, "link", "set", nic2, "up");
        run("ip", "-n", SERVER2_NS, "addr", "add", "2001:db8:1::1/64", "dev", "vr" + RUN);
        waitForLinkLocal(SERVER2_NS, "vr" + RUN);
        waitForLinkLocal(CLIENT2_NS, nic2);
        kea2 = startKea(SERVER2_NS, "vr" + RUN, "kea2");
        try (Child c = new Child(CLIENT2_NS, nic2, 45, 10, "pd")) {
            String bound = c.await("CHANGED BOUND", 10);
            stop(kea2);

            c.await("SENT RENEW to ff02::1:2", 6);
            c.await("SENT REBIND to ff02::1:2", 8);
            String lost = c.await("LOST", 12);
            assertTrue(lost.contains("valid lifetime ended"), lost);

            kea2 = startKea(SERVER2_NS, "vr" + RUN, "kea2");
            String again = c.await("CHANGED BOUND", 15);
            assertEquals(field(bound, "addresses"), field(again, "addresses"),
                    "kea hands the same client its address again");
        }
    }

    /** The client JVM in a namespace, read line by line. */
    static final class Child implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();

        Child(String ns, String nic, int seconds, int noServer, String mode) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder("ip", "netns", "exec", ns, java, "-cp",
                    System.getProperty("java.class.path"), Dhcp6NamespaceClient.class.getName(), nic,
                    String.valueOf(seconds), String.valueOf(noServer), mode).redirectErrorStream(true).start();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        /** The next line starting with {@code prefix} within {@code seconds}; other lines are kept for errors. */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("no '" + prefix + "' from the client within " + seconds + " s; it said " + seen
                            + "; kea logs: " + keaLog());
                }
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop(process);
        }
    }

    /** Runs the client in {@code ns} and collects the first {@code count} lines starting with {@code prefix}. */
    private static List<String> client(String ns, String nic, int seconds, int noServer, String mode, int count,
                                       String prefix) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, java, "-cp",
                System.getProperty("java.class.path"), Dhcp6NamespaceClient.class.getName(), nic,
                String.valueOf(seconds), String.valueOf(noServer), mode).redirectErrorStream(true).start();
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        List<String> all = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (all) {
                        all.add(line);
                    }
                    if (line.startsWith(prefix)) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        try {
            List<String> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 10L).toNanos();
            while (got.size() < count) {
                String line = out.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    synchronized (all) {
                        fail("expected " + count + " '" + prefix + "' lines from the client in " + ns + ", got "
                                + got + "; output: " + all + "; kea log: " + keaLog());
                    }
                }
                got.add(line);
            }
            return got;
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            reader.join(1000);
        }
    }

    private static String keaLog() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("kea.log", "kea2.log")) {
            try {
                b.append(name).append(": ").append(Files.readString(dir.resolve(name)));
            } catch (IOException e) {
                b.append(name).append(": (none) ");
            }
        }
        return b.toString();
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }

    /** Waits until the interface has a link-local address that finished duplicate address detection. */
    static void waitForLinkLocal(String ns, String nic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String out = run("ip", "-n", ns, "-6", "addr", "show", "dev", nic, "scope", "link");
            if (out.contains("fe80::") && !out.contains("tentative")) {
                return;
            }
            Thread.sleep(100);
        }
        fail(nic + " in " + ns + " got no usable link-local address within 10 s");
    }

    static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " (is it installed?)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with " + p.exitValue() + ": " + out);
        }
        return out;
    }

    static void runQuietly(String... command) {
        try {
            run(command);
        } catch (Exception | AssertionError e) {
            System.err.println("cleanup: " + e.getMessage());
        }
    }
}
