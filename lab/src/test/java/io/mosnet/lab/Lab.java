package io.mosnet.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HexFormat;

/**
 * A throwaway lab of network namespaces, veth links and peer daemons. Everything it makes has a name unique to the
 * run and is removed by {@link #close()}, processes first (each by its own PID), then the namespaces, then its
 * scratch directory (kept when {@code MOSNET_LAB_KEEP} is set, for debugging); the root namespace's network is never
 * touched.
 *
 * <p>The standard shape ({@link #standard}): namespace {@code upstream} owns the gateway ({@value #GATEWAY4},
 * {@value #GATEWAY6}) and runs the peers; namespace {@code host} has NICs {@code eth0}... whose other ends sit in
 * {@code upstream}, bridged there in {@code up0} when more than one NIC is connected.
 */
public final class Lab implements AutoCloseable {

    public static final String GATEWAY4 = "10.77.0.1";
    public static final String GATEWAY6 = "fd77::1";
    public static final String SUBNET4 = "10.77.0.0/24";

    private final String id;
    private final Path dir;
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<LabProcess> processes = new ArrayList<>();

    private Lab(String id, Path dir) {
        this.id = id;
        this.dir = dir;
    }

    /** A new empty lab; {@code prefix} (a few letters) makes its namespaces recognisable. */
    public static Lab create(String prefix) {
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        String id = prefix + "-" + HexFormat.of().formatHex(r);
        try {
            return new Lab(id, Files.createTempDirectory("mosnet-lab-" + id));
        } catch (IOException e) {
            throw new LabException("cannot create a temporary directory for lab " + id, e);
        }
    }

    public String id() {
        return id;
    }

    /** The lab's scratch directory (configs, logs, pid files). */
    public Path dir() {
        return dir;
    }

    public Namespace namespace(String role) {
        String name = id + "-" + role;
        Command.run("ip", "netns", "add", name).check();
        Namespace ns = new Namespace(name);
        namespaces.add(ns);
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    /** A veth pair: {@code aName} in {@code a}, {@code bName} in {@code b}, both up. */
    public void veth(Namespace a, String aName, Namespace b, String bName) {
        String tmpA = "v" + Integer.toHexString((aName + id).hashCode() & 0xfffffff);
        String tmpB = "w" + Integer.toHexString((bName + id).hashCode() & 0xfffffff);
        // Created inside namespace a, so the root namespace never holds either end.
        a.ip("link", "add", tmpA, "type", "veth", "peer", "name", tmpB);
        a.ip("link", "set", tmpB, "netns", b.name());
        a.ip("link", "set", tmpA, "name", aName);
        b.ip("link", "set", tmpB, "name", bName);
        a.ip("link", "set", aName, "up");
        b.ip("link", "set", bName, "up");
    }

    /** Starts a long-running process inside {@code ns}; it is stopped by PID when the lab closes. */
    public LabProcess start(Namespace ns, String name, String... command) {
        LabProcess p = LabProcess.start(name, ns.wrap(command), dir.resolve(name + ".log"));
        processes.add(p);
        return p;
    }

    /**
     * Userspace Open vSwitch (ovsdb-server and ovs-vswitchd) running in {@code ns} with its files in the lab's
     * directory; stopped by PID when the lab closes. Bridges must use {@code datapath_type=netdev}.
     */
    public OpenVswitch openVswitch(Namespace ns) {
        return OpenVswitch.start(this, ns);
    }

    /** A further userspace Open vSwitch in {@code ns} (e.g. an upstream switch), its files under {@code name}. */
    public OpenVswitch openVswitch(Namespace ns, String name) {
        return OpenVswitch.start(this, ns, name);
    }

    /** Stops one process now (by its PID) and forgets it. */
    public void stop(LabProcess p) {
        p.close();
        processes.remove(p);
    }

    /**
     * The standard lab: {@code upstream} with the gateway addresses and {@code host} with {@code nics} NICs named
     * eth0, eth1, ...; each NIC's peer in upstream is {@code up<N>}. When {@code connected} is smaller than
     * {@code nics}, only the LAST {@code connected} NICs reach the gateway (so that a probe must look past eth0);
     * the others lead to an empty namespace.
     */
    public static Standard standard(String prefix, int nics, int connected) {
        Lab lab = create(prefix);
        try {
            Namespace upstream = lab.namespace("up");
            // The upstream's addresses are usable at once: peers such as Kea bind the link-local address at start.
            upstream.sh("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0");
            Namespace host = lab.namespace("host");
            Namespace dead = nics > connected ? lab.namespace("dead") : null;
            upstream.ip("link", "add", "br-up", "type", "bridge");
            upstream.ip("link", "set", "br-up", "up");
            for (int i = 0; i < nics; i++) {
                boolean live = i >= nics - connected;
                lab.veth(host, "eth" + i, live ? upstream : dead, "up" + i);
                if (live) {
                    upstream.ip("link", "set", "up" + i, "master", "br-up");
                }
            }
            upstream.ip("addr", "add", GATEWAY4 + "/24", "dev", "br-up");
            upstream.ip("-6", "addr", "add", GATEWAY6 + "/64", "dev", "br-up", "nodad");
            upstream.sh("sysctl", "-qw", "net.ipv4.ip_forward=1");
            return new Standard(lab, upstream, host);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** The standard lab's parts. */
    public record Standard(Lab lab, Namespace upstream, Namespace host) implements AutoCloseable {
        @Override
        public void close() {
            lab.close();
        }
    }

    /**
     * dnsmasq in {@code ns} on {@code iface}: DHCPv4 from {@code range} (e.g. {@code 10.77.0.100,10.77.0.150,1h}),
     * plus any extra options; {@code --no-ping} so that offers come at once.
     */
    public LabProcess dnsmasq(Namespace ns, String iface, String range, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--no-daemon", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--bind-interfaces", "--interface=" + iface, "--except-interface=lo",
                "--port=0", "--no-ping", "--dhcp-authoritative",
                "--dhcp-leasefile=" + dir.resolve("dnsmasq-" + ns.name() + ".leases"),
                "--pid-file=" + dir.resolve("dnsmasq-" + ns.name() + ".pid"), "--log-dhcp",
                "--dhcp-range=" + range));
        Collections.addAll(cmd, extra);
        return start(ns, "dnsmasq-" + ns.name(), cmd.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            try {
                processes.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("lab " + id + ": stopping " + processes.get(i) + ": " + e.getMessage());
            }
        }
        processes.clear();
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            Command.Result r = Command.run("ip", "netns", "del", namespaces.get(i).name());
            if (!r.ok()) {
                System.err.println("lab " + id + ": deleting namespace " + namespaces.get(i) + ": " + r.err().strip());
            }
        }
        namespaces.clear();
        if (System.getenv("MOSNET_LAB_KEEP") == null) {
            deleteTree(dir);
        } else {
            System.err.println("lab " + id + ": kept " + dir + " (MOSNET_LAB_KEEP is set)");
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("lab: cannot delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("lab: cannot clean " + root + ": " + e.getMessage());
        }
    }
}
