package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.runtime.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonStatusTest {

    @TempDir
    Path dir;

    @Test
    void backendFactsWithNullValuesAreKeptWithoutThem() throws Exception {
        DaemonStatus status = new DaemonStatus(new StateStore(dir.resolve("state.json")), Clock.systemUTC(), "static",
                "mos", List.of());
        Map<String, Object> info = new HashMap<>();
        info.put("ovsdb", "unix:/tmp/db.sock");
        info.put("ovs_version", null);
        status.update(s -> s.backendInfo = info);
        assertEquals(Map.of("ovsdb", "unix:/tmp/db.sock"), status.snapshot().backendInfo());
        status.flush(); // the write behind must be done before the temporary directory goes
    }

    @Test
    void theStateFileFollowsEachChangeOffTheCallersThread() throws Exception {
        StateStore store = new StateStore(dir.resolve("state.json"));
        DaemonStatus status = new DaemonStatus(store, Clock.systemUTC(), "dhcp", "mos", List.of());
        status.update(s -> s.phase = "configuring");
        status.update(s -> {
            s.phase = "running";
            s.nic = "eth0";
        });
        status.flush();
        assertEquals("running", store.load().state().phase());
        assertEquals("eth0", store.load().state().nic());
    }
}
