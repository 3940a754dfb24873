package io.mosnet.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.state.DaemonState;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateWriterTest {

    @TempDir
    Path dir;

    private static DaemonState phase(String phase) {
        DaemonState s = StateStoreTest.sample();
        return new DaemonState(s.schemaVersion(), s.mode(), phase, s.nic(), s.bridge(), s.hostInterface(),
                s.backend(), s.addresses(), s.routes(), s.dns(), s.searchDomains(), s.leases(),
                s.delegatedPrefixes(), s.firewall(), s.nat(), s.plugins(), s.problems(), s.backendInfo(),
                s.startedAt(), s.updatedAt(), s.topology(), s.uplinks());
    }

    @Test
    void snapshotsSubmittedDuringAWriteCollapseIntoTheNewest() throws Exception {
        Path file = dir.resolve("mosnet.json");
        CountDownLatch inFirstWrite = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger renames = new AtomicInteger();
        StateStore store = new StateStore(file, new AtomicFile((source, target) -> {
            if (renames.incrementAndGet() == 1) {
                inFirstWrite.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }));
        StateWriter writer = new StateWriter(store, e -> { throw e; });

        writer.submit(phase("starting"));
        assertTrue(inFirstWrite.await(5, TimeUnit.SECONDS));
        writer.submit(phase("configuring"));
        writer.submit(phase("retrying"));
        writer.submit(phase("running"));
        release.countDown();
        writer.flush();

        assertEquals("running", store.load().state().phase());
        assertEquals(2, renames.get(), "the first write, then only the newest of the three queued behind it");
        writer.close();
    }

    @Test
    void heldSnapshotsWaitForFlushAndOnlyTheNewestIsWritten() throws Exception {
        Path file = dir.resolve("mosnet.json");
        AtomicInteger renames = new AtomicInteger();
        StateStore store = new StateStore(file, new AtomicFile((source, target) -> {
            renames.incrementAndGet();
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }));
        StateWriter writer = new StateWriter(store, e -> { throw e; });
        writer.hold(Duration.ofHours(1));

        writer.submit(phase("starting"));
        writer.submit(phase("configuring"));
        Thread.sleep(200); // unheld, the writer would have written "starting" long before this
        assertFalse(Files.exists(file), "nothing written while held");
        writer.submit(phase("running"));
        writer.flush();

        assertEquals("running", store.load().state().phase());
        assertEquals(1, renames.get(), "one write, of the newest snapshot");
        writer.close();
    }

    @Test
    void aHoldEndsByItselfAfterItsTime() throws Exception {
        Path file = dir.resolve("mosnet.json");
        StateWriter writer = new StateWriter(new StateStore(file), e -> { throw e; });
        writer.hold(Duration.ofMillis(50));
        writer.submit(phase("retrying"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("retrying", new StateStore(file).load().state().phase(), "written without a flush");
        writer.close();
    }

    @Test
    void closeWritesWhatAHoldKept() throws Exception {
        Path file = dir.resolve("mosnet.json");
        StateWriter writer = new StateWriter(new StateStore(file), e -> { throw e; });
        writer.hold(Duration.ofHours(1));
        writer.submit(phase("configuring"));
        writer.close();
        assertEquals("configuring", new StateStore(file).load().state().phase());
    }

    @Test
    void aFailedWriteIsReportedAndTheNextOneStillLands() throws Exception {
        Path file = dir.resolve("mosnet.json");
        AtomicInteger calls = new AtomicInteger();
        StateStore store = new StateStore(file, new AtomicFile((source, target) -> {
            if (calls.incrementAndGet() == 1) {
                throw new FileSystemException(source.toString(), target.toString(), "Device or resource busy");
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }));
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        StateWriter writer = new StateWriter(store, failures::add);

        writer.submit(phase("configuring"));
        writer.flush();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).getMessage().contains("Device or resource busy"), failures.get(0).getMessage());
        assertTrue(Files.notExists(file));

        writer.submit(phase("running"));
        writer.flush();
        assertEquals("running", store.load().state().phase());
        writer.close();
    }

    @Test
    void closeWritesWhatIsPendingAndRefusesMore() throws Exception {
        Path file = dir.resolve("mosnet.json");
        StateWriter writer = new StateWriter(new StateStore(file), e -> { throw e; });
        writer.submit(phase("running"));
        writer.close();
        assertEquals("running", new StateStore(file).load().state().phase());
        assertThrows(IllegalStateException.class, () -> writer.submit(phase("stopping")));
    }
}
