package io.mosnet.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    static DaemonState sample() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        LeaseState lease = new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", "10.0.0.1", "10.0.0.1",
                List.of("10.0.0.1"), List.of("lab"), List.of(), 1500, t, t.plusSeconds(1800), t.plusSeconds(3150),
                t.plusSeconds(3600), "01aabbccddeeff");
        return new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos", "linux",
                List.of("10.0.0.5/24"), List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false)),
                List.of("10.0.0.1"), List.of("lab"), Map.of("dhcpv4", lease), List.of(),
                Map.of("policy", "drop", "ports", List.of("22/tcp")), null,
                List.of(new PluginInfo("linux", "bridge", "0.1.0", "builtin")), List.of(),
                Map.of("z", 1, "a", "x"), t, t.plusSeconds(5));
    }

    @Test
    void roundTripsState() {
        StateStore store = new StateStore(dir.resolve("sub/mosnet.json"));
        store.save(sample());
        StateLoadResult r = store.load();
        assertEquals(StateLoadResult.Status.LOADED, r.status());
        assertEquals(sample().leases(), r.state().leases());
        assertEquals(sample().routes(), r.state().routes());
        assertEquals(sample().startedAt(), r.state().startedAt());
        assertEquals(sample().firewall(), r.state().firewall());
    }

    @Test
    void writesIsoInstantsInDeclarationOrderWithSortedMaps() throws IOException {
        StateStore store = new StateStore(dir.resolve("mosnet.json"));
        store.save(sample());
        String text = Files.readString(dir.resolve("mosnet.json"));
        assertTrue(text.contains("\"startedAt\" : \"2026-03-01T10:00:00Z\""), text);
        assertTrue(text.indexOf("\"schemaVersion\"") < text.indexOf("\"mode\""));
        assertTrue(text.indexOf("\"mode\"") < text.indexOf("\"updatedAt\""));
        assertTrue(text.indexOf("\"a\" : \"x\"") < text.indexOf("\"z\" : 1"));
        assertTrue(text.endsWith("}\n"));
        // The same state always gives the same bytes.
        assertArrayEquals(store.serialize(sample()), store.serialize(sample()));
    }

    @Test
    void createsFileWithMode0644AndLeavesNoTemporaryFiles() throws IOException {
        StateStore store = new StateStore(dir.resolve("mosnet.json"));
        store.save(sample());
        store.save(sample());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(store.file()), files.toList());
        }
    }

    @Test
    void reportsAbsentFile() {
        StateLoadResult r = new StateStore(dir.resolve("none.json")).load();
        assertEquals(StateLoadResult.Status.ABSENT, r.status());
        assertTrue(r.loadedState().isEmpty());
    }

    @Test
    void treatsTruncatedFileAsAbsent() throws IOException {
        StateStore store = new StateStore(dir.resolve("mosnet.json"));
        byte[] full = store.serialize(sample());
        Files.write(store.file(), java.util.Arrays.copyOf(full, full.length / 2));
        StateLoadResult r = store.load();
        assertEquals(StateLoadResult.Status.TRUNCATED, r.status());
        assertTrue(r.reason().startsWith("truncated after"), r.reason());
    }

    @Test
    void treatsDocumentCutBetweenEntriesAsTruncated() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"), "{\"schemaVersion\":1,");
        assertEquals(StateLoadResult.Status.TRUNCATED, new StateStore(dir.resolve("mosnet.json")).load().status());
    }

    @Test
    void treatsEmptyFileAsTruncated() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"), "");
        assertEquals(StateLoadResult.Status.TRUNCATED, new StateStore(dir.resolve("mosnet.json")).load().status());
    }

    @Test
    void treatsGarbageAsCorrupt() throws IOException {
        Files.write(dir.resolve("mosnet.json"), new byte[] {0, 1, 2, (byte) 0xff, 'x'});
        StateLoadResult r = new StateStore(dir.resolve("mosnet.json")).load();
        assertEquals(StateLoadResult.Status.CORRUPT, r.status());
        assertFalse(r.isLoaded());
    }

    @Test
    void treatsWrongFieldTypesAsCorrupt() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"),
                "{\"schemaVersion\":1,\"addresses\":{\"not\":\"a list\"},\"startedAt\":\"yesterday\"}");
        StateLoadResult r = new StateStore(dir.resolve("mosnet.json")).load();
        assertEquals(StateLoadResult.Status.CORRUPT, r.status());
        assertTrue(r.reason().startsWith("not a valid mosnet state"), r.reason());
    }

    @Test
    void treatsNullMapValueAsCorrupt() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"), "{\"schemaVersion\":1,\"backendInfo\":{\"a\":null}}");
        assertEquals(StateLoadResult.Status.CORRUPT, new StateStore(dir.resolve("mosnet.json")).load().status());
    }

    @Test
    void treatsOlderSchemaAsAbsent() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"), "{\"schemaVersion\":0,\"mode\":\"dhcp\"}");
        StateLoadResult r = new StateStore(dir.resolve("mosnet.json")).load();
        assertEquals(StateLoadResult.Status.SCHEMA_MISMATCH, r.status());
        assertEquals("schemaVersion 0, this mosnet reads 1", r.reason());
    }

    @Test
    void treatsMissingSchemaVersionAsMismatch() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"), "{\"mode\":\"dhcp\"}");
        assertEquals(StateLoadResult.Status.SCHEMA_MISMATCH,
                new StateStore(dir.resolve("mosnet.json")).load().status());
    }

    @Test
    void readsFieldsAddedByNewerWriterOfSameSchema() throws IOException {
        Files.writeString(dir.resolve("mosnet.json"), "{\"schemaVersion\":1,\"mode\":\"static\",\"future\":[1]}");
        StateLoadResult r = new StateStore(dir.resolve("mosnet.json")).load();
        assertEquals("static", r.state().mode());
        assertEquals(List.of(), r.state().addresses());
    }

    @Test
    void failedRenameKeepsOldFileAndRemovesTemporary() throws IOException {
        Path file = dir.resolve("mosnet.json");
        Files.writeString(file, "old");
        StateStore store = new StateStore(file, new AtomicFile((s, t) -> {
            throw new FileSystemException(s.toString(), t.toString(), "Device or resource busy");
        }));
        StateStoreException e = assertThrows(StateStoreException.class, () -> store.save(sample()));
        assertTrue(e.getMessage().contains("Device or resource busy"), e.getMessage());
        assertEquals("old", Files.readString(file, StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
