package io.mosnet.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Userspace Open vSwitch started by a lab inside one namespace (../shared/LAB.md recipe): ovsdb-server and
 * ovs-vswitchd in the foreground as {@link LabProcess}es, so the lab stops them by PID; everything they write sits in
 * {@link #dir()}, which is also vswitchd's run directory ({@code <bridge>.mgmt}, {@code ovs-vswitchd.pid} and its
 * control socket).
 *
 * @param dir      database, sockets, pid and log files
 * @param ovsdb    ovsdb-server
 * @param vswitchd ovs-vswitchd
 */
public record OpenVswitch(Path dir, LabProcess ovsdb, LabProcess vswitchd) {

    /** The database schema Debian's openvswitch-common installs. */
    static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";

    static OpenVswitch start(Lab lab, Namespace ns) {
        return start(lab, ns, "ovs");
    }

    /**
     * One instance per namespace; {@code name} keeps instances apart (directory, process and log names), so a lab
     * can run one for mosnetd's host and another as an upstream switch.
     */
    static OpenVswitch start(Lab lab, Namespace ns, String name) {
        String suffix = name.equals("ovs") ? "" : "-" + name;
        Path dir = lab.dir().resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new LabException("cannot create " + dir, e);
        }
        Command.run("ovsdb-tool", "create", dir.resolve("conf.db").toString(), SCHEMA).check();
        Path sock = dir.resolve("db.sock");
        // OVS_RUNDIR keeps both daemons out of /var/run/openvswitch; vswitchd puts mos.mgmt there.
        LabProcess ovsdb = lab.start(ns, "ovsdb-server" + suffix, "env", "OVS_RUNDIR=" + dir, "ovsdb-server",
                dir.resolve("conf.db").toString(), "--remote=punix:" + sock,
                "--pidfile=" + dir.resolve("ovsdb-server.pid"),
                "--unixctl=" + dir.resolve("ovsdb-server.ctl"), "--log-file=" + dir.resolve("ovsdb-server.log"));
        await(sock, ovsdb);
        Command.run("ovs-vsctl", "--db=unix:" + sock, "--no-wait", "init").check();
        // In the namespace, so that internal ports (bridge mos's host interface) appear there.
        LabProcess vswitchd = lab.start(ns, "ovs-vswitchd" + suffix, "env", "OVS_RUNDIR=" + dir, "ovs-vswitchd",
                "unix:" + sock, "--pidfile=" + dir.resolve("ovs-vswitchd.pid"),
                "--log-file=" + dir.resolve("ovs-vswitchd.log"));
        await(dir.resolve("ovs-vswitchd.pid"), vswitchd);
        OpenVswitch ovs = new OpenVswitch(dir, ovsdb, vswitchd);
        await(ovs.vswitchdControl(), vswitchd);
        return ovs;
    }

    /** ovsdb-server's socket. */
    public Path dbSocket() {
        return dir.resolve("db.sock");
    }

    /** The OVSDB remote as mosnetd's {@code --ovsdb} and ovs-vsctl's {@code --db} take it. */
    public String db() {
        return "unix:" + dbSocket();
    }

    /** vswitchd's run directory, for {@code [plugins.ovs] rundir}. */
    public Path rundir() {
        return dir;
    }

    /** vswitchd's unixctl socket ({@code ovs-appctl -t}). */
    public Path vswitchdControl() {
        return dir.resolve("ovs-vswitchd." + vswitchd.pid() + ".ctl");
    }

    /** The OpenFlow management socket of {@code bridge}. */
    public Path managementSocket(String bridge) {
        return dir.resolve(bridge + ".mgmt");
    }

    /** {@code ovs-vsctl --db=... ARGS}, failing when it fails; returns its output. */
    public String vsctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ovs-vsctl", "--db=" + db()));
        cmd.addAll(List.of(args));
        return Command.run(cmd, 30).check().out();
    }

    /** The flows of {@code bridge} as {@code ovs-ofctl -O OpenFlow13 dump-flows} prints them, one per line. */
    public List<String> dumpFlows(String bridge) {
        String out = Command.run(List.of("ovs-ofctl", "-O", "OpenFlow13", "dump-flows",
                "unix:" + managementSocket(bridge)), 30).check().out();
        return out.lines().filter(l -> l.contains("cookie=")).toList();
    }

    private static void await(Path file, LabProcess process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!Files.exists(file)) {
            if (!process.alive() || Instant.now().isAfter(deadline)) {
                throw new LabException(process + (process.alive() ? " did not create " + file + " within 20 s"
                        : " exited " + process.waitFor(1)) + ": " + process.output());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for " + file, e);
            }
        }
    }
}
