package io.mosnet.ovs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.plugin.MosnetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToDebianSocketPaths() {
        OvsSettings s = OvsSettings.from(Map.of());
        assertEquals("unix:/var/run/openvswitch/db.sock", s.ovsdb());
        assertEquals(Path.of("/var/run/openvswitch/mos.mgmt"), s.managementSocket("mos"));
        assertNull(s.unixctl());
        assertNull(s.datapathType());
        assertEquals(Duration.ofSeconds(10), s.timeout());
    }

    @Test
    void readsEveryKey() {
        OvsSettings s = OvsSettings.from(Map.of("ovsdb", "unix:/run/x/db.sock", "rundir", "/run/x",
                "unixctl", "/run/x/vsd.ctl", "datapath_type", "NETDEV", "timeout_ms", 2500));
        assertEquals("unix:/run/x/db.sock", s.ovsdb());
        assertEquals(Path.of("/run/x/mos.mgmt"), s.managementSocket("mos"));
        assertEquals(Path.of("/run/x/vsd.ctl"), s.unixctl());
        assertEquals("netdev", s.datapathType());
        assertEquals(Duration.ofMillis(2500), s.timeout());
    }

    @Test
    void rejectsUnknownDatapathType() {
        MosnetException e = assertThrows(MosnetException.class, () -> OvsSettings.from(Map.of("datapath_type", "dpdk")));
        assertTrue(e.getMessage().contains("'dpdk'"), e.getMessage());
    }

    @Test
    void choosesDatapathFromKernelModulePresence() throws Exception {
        OvsBridgeBackend absent = new OvsBridgeBackend(dir.resolve("openvswitch"));
        assertEquals("netdev", absent.datapathType(OvsSettings.from(Map.of())));
        Files.createDirectory(dir.resolve("openvswitch"));
        assertEquals("system", absent.datapathType(OvsSettings.from(Map.of())));
        assertEquals("netdev", absent.datapathType(OvsSettings.from(Map.of("datapath_type", "netdev"))));
    }

    @Test
    void preflightFailsClearlyWithoutOvsdb() {
        TestContext ctx = TestContext.of(Map.of("ovsdb", "unix:" + dir.resolve("db.sock")), null);
        MosnetException e = assertThrows(MosnetException.class, () -> new OvsBridgeBackend().preflight(ctx));
        assertTrue(e.getMessage().startsWith("cannot reach ovsdb-server at unix:" + dir.resolve("db.sock")),
                e.getMessage());
    }

    @Test
    void backendIsFoundByServiceLoader() {
        var found = java.util.ServiceLoader.load(io.mosnet.api.bridge.BridgeBackend.class).stream()
                .map(p -> p.get().id()).toList();
        assertTrue(found.contains("ovs"), found.toString());
    }
}
