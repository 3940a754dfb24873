package io.mosnet.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.lab.Command;
import io.mosnet.lab.Lab;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every CLI subcommand against a daemon in the lab: {@code --json} is valid JSON carrying the live values. */
class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Lab.Standard lab;
    private static RunningDaemon daemon;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.standard("cli", 1, 1);
        daemon = RunningDaemon.start(lab.lab(), lab.host(),
                "mosip4=10.77.0.10,10.77.0.1,255.255.255.0 mosip6=fd77::10/64,fd77::1 mosfirewall=ssh,8080/tcp");
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static JsonNode json(String... args) throws Exception {
        return daemon.cliJson(args);
    }

    @Test
    void theFirewallIsInPlaceBeforeAnyNicComesUp() throws Exception {
        // The log is in the order things happened (lines kept during start-up carry their own time and order).
        List<String> log = java.nio.file.Files.readAllLines(daemon.dir.resolve("mosnetd.log"));
        int firewall = indexOf(log, "applying nftables ruleset (firewall drop [22/tcp, 8080/tcp]");
        int bridge = indexOf(log, "created bridge mos");
        int address = indexOf(log, "address 10.77.0.10/24 added on mos");
        assertTrue(firewall >= 0 && bridge >= 0 && address >= 0, String.join("\n", log));
        assertTrue(firewall < address, "firewall before the address:\n" + String.join("\n", log));
        assertTrue(firewall < bridge, "firewall before the bridge:\n" + String.join("\n", log));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyDaemonSubcommandGivesValidJsonWithLiveValues() throws Exception {
        assertEquals("eth0", json("status").path("nic").asText());
        assertTrue(json("config").toString().contains("mosip4"), json("config").toString());
        assertTrue(json("lease").isArray() || json("lease").isObject());
        assertTrue(json("prefix").toString().contains("prefixes"));
        assertEquals("healthy", json("health").path("status").asText());
        assertTrue(json("plugins").toString().contains("\"linux\""));
        assertTrue(json("firewall").toString().contains("mosnet"), json("firewall").toString());
        assertTrue(json("bridge").toString().contains("eth0"), json("bridge").toString());
        assertTrue(json("vlan").has("filtering") || json("vlan").toString().contains("filtering"));
        JsonNode verify = json("verify");
        assertTrue(verify.toString().contains("differences"), verify.toString());
        assertTrue(json("discover").toString().contains("openrpc"), "the OpenRPC document");
        // Views the CLI builds itself, written through the runtime's JsonTree: on the module path that needs the
        // CLI's package opened to it, which tests on the class path cannot show.
        assertTrue(json("dns").path("daemonRunning").asBoolean(), json("dns").toString());
        assertTrue(json("routes").toString().contains("10.77.0.1"), json("routes").toString());
        assertTrue(json("interfaces").toString().contains("\"mos\""), json("interfaces").toString());
    }

    @Test
    void liveViewsShowTheKernelsState() throws Exception {
        assertTrue(json("interfaces").toString().contains("10.77.0.10"), json("interfaces").toString());
        assertTrue(json("routes").toString().contains("10.77.0.1"), json("routes").toString());
        assertTrue(json("neighbors", "--all").isObject() || json("neighbors", "--all").isArray());
        assertTrue(json("sysctl").toString().contains("ip_forward"), json("sysctl").toString());
        assertTrue(json("dns").isObject() || json("dns").isArray());
    }

    @Test
    void ovsViewsSayTheyNeedTheOvsBackend() {
        for (String view : List.of("ovs", "flows", "datapath", "conntrack")) {
            Command.Result r = daemon.cli(view, "--json");
            assertEquals(3, r.status(), view + ": " + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("Open vSwitch"), view + ": " + r.out() + r.err());
        }
    }

    @Test
    void aNonRootCallerReadsStatusButIsRefusedConntrackFlush() throws Exception {
        // nobody, with the socket's group (root here: no 'mosnet' group on this machine) as a supplementary group.
        java.nio.file.Path dir = daemon.dir;
        for (java.nio.file.Path p = dir; p != null && p.startsWith(lab.lab().dir()); p = p.getParent()) {
            // go+x: with root as a supplementary group, the group bits are the ones that apply.
            Command.run("chmod", "go+x", p.toString()).check();
        }
        String mosnet = Distribution.home().resolve("bin/mosnet").toAbsolutePath().toString();
        Command.Result status = Command.run(lab.host().wrap("setpriv", "--reuid=65534", "--regid=65534", "--groups=0",
                mosnet, "--socket", daemon.socket().toString(), "status", "--json"), 60);
        assertEquals(0, status.status(), status.err());
        assertEquals("eth0", parse(status.out()).path("nic").asText());
        Command.Result flush = Command.run(lab.host().wrap("setpriv", "--reuid=65534", "--regid=65534", "--groups=0",
                mosnet, "--socket", daemon.socket().toString(), "conntrack", "--flush"), 60);
        assertEquals(4, flush.status(), "refused for non-root: " + flush.out() + flush.err());
        assertTrue((flush.out() + flush.err()).contains("root"), flush.out() + flush.err());
    }

    @Test
    void humanOutputIsATable() {
        Command.Result r = daemon.cli("routes");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("10.77.0.1"), r.out());
    }

    static JsonNode parse(String s) throws Exception {
        return JSON.readTree(s);
    }
}
