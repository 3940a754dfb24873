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
    void backendFactsWithNullValuesAreKeptWithoutThem() {
        DaemonStatus status = new DaemonStatus(new StateStore(dir.resolve("state.json")), Clock.systemUTC(), "static",
                "mos", List.of());
        Map<String, Object> info = new HashMap<>();
        info.put("ovsdb", "unix:/tmp/db.sock");
        info.put("ovs_version", null);
        status.update(s -> s.backendInfo = info);
        assertEquals(Map.of("ovsdb", "unix:/tmp/db.sock"), status.snapshot().backendInfo());
    }
}
