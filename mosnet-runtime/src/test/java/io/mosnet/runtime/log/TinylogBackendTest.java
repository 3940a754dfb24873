package io.mosnet.runtime.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.slf4j.event.Level;
import org.tinylog.provider.LoggingProvider;

class TinylogBackendTest {

    /** A set-up that takes until {@code release}: the time a real one spends opening jars. */
    private static LoggingProvider awaitThen(CountDownLatch release, LoggingProvider tinylog) {
        try {
            release.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return tinylog;
    }

    @Test
    void linesLoggedDuringTheSetUpAreWrittenInOrderOnceItIsDone() throws Exception {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        CountDownLatch release = new CountDownLatch(1);
        TinylogBackend backend = new TinylogBackend(() -> awaitThen(release, tinylog));
        backend.configureInBackground(() -> { }, Level.INFO);

        IllegalStateException boom = new IllegalStateException("boom");
        backend.log(Level.INFO, "first", null);
        backend.log(Level.DEBUG, "below the level: dropped", null);
        backend.log(Level.WARN, "second", boom);
        assertTrue(backend.enabled(Level.INFO));
        assertFalse(backend.enabled(Level.DEBUG));
        verify(tinylog, never()).log(anyInt(), any(), any(), any(), any(), any());

        release.countDown();
        backend.await(5000);
        backend.log(Level.ERROR, "third", null);

        InOrder order = inOrder(tinylog);
        order.verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.INFO), isNull(), isNull(), eq("first"));
        order.verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.WARN), eq(boom), isNull(), eq("second"));
        order.verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.ERROR), isNull(), isNull(), eq("third"));
        verify(tinylog, never()).log(anyInt(), any(), eq(org.tinylog.Level.DEBUG), any(), any(), any());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10) // waiting for the writes would block here for good
    void aCallerLoggingWhileKeptLinesAreWrittenDoesNotWaitForTheWrites() throws Exception {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch slowWrite = new CountDownLatch(1);
        org.mockito.Mockito.doAnswer(call -> {
            writing.countDown();
            slowWrite.await();
            return null;
        }).when(tinylog).log(anyInt(), isNull(), any(), isNull(), isNull(), eq("first"));
        CountDownLatch release = new CountDownLatch(1);
        TinylogBackend backend = new TinylogBackend(() -> awaitThen(release, tinylog));
        backend.configureInBackground(() -> { }, Level.INFO);
        backend.log(Level.INFO, "first", null);
        release.countDown();
        writing.await();

        // The set-up thread is inside the write of "first": these return at once, kept for the next batch.
        backend.log(Level.INFO, "second", null);
        assertTrue(backend.enabled(Level.INFO));
        verify(tinylog, never()).log(anyInt(), any(), any(), any(), any(), eq("second"));

        slowWrite.countDown();
        backend.await(5000);
        InOrder order = inOrder(tinylog);
        order.verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.INFO), isNull(), isNull(), eq("first"));
        order.verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.INFO), isNull(), isNull(), eq("second"));
    }

    @Test
    void aSetUpThatTakesLongKeepsABoundedNumberOfLinesAndSaysHowManyWentMissing() throws Exception {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        CountDownLatch release = new CountDownLatch(1);
        TinylogBackend backend = new TinylogBackend(() -> awaitThen(release, tinylog));
        backend.configureInBackground(() -> { }, Level.INFO);
        for (int i = 0; i < TinylogBackend.MAX_KEPT + 5; i++) {
            backend.log(Level.INFO, "line " + i, null);
        }
        release.countDown();
        backend.await(5000);
        verify(tinylog, org.mockito.Mockito.times(TinylogBackend.MAX_KEPT))
                .log(anyInt(), isNull(), eq(org.tinylog.Level.INFO), isNull(), isNull(), any());
        verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.WARN), isNull(), isNull(),
                eq("5 log lines were dropped while tinylog was being set up (more than 10000 kept)"));
    }

    @Test
    void aHeldSetUpWaitsForTheReleaseThenWritesWhatWasKept() throws Exception {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        java.util.concurrent.atomic.AtomicInteger setUps = new java.util.concurrent.atomic.AtomicInteger();
        TinylogBackend backend = new TinylogBackend(() -> {
            setUps.incrementAndGet();
            return tinylog;
        });
        backend.configureInBackground(() -> { }, Level.INFO, 60_000);
        backend.log(Level.INFO, "on the way to the network", null);
        Thread.sleep(100);
        assertTrue(setUps.get() == 0, "tinylog is not set up during the hold");

        backend.release();
        verify(tinylog, org.mockito.Mockito.timeout(5000)).log(anyInt(), isNull(), eq(org.tinylog.Level.INFO),
                isNull(), isNull(), eq("on the way to the network"));
    }

    @Test
    void theHoldEndsByItself() {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        TinylogBackend backend = new TinylogBackend(() -> tinylog);
        backend.configureInBackground(() -> { }, Level.INFO, 50);
        backend.log(Level.WARN, "no release comes: a DHCP server that takes seconds", null);
        verify(tinylog, org.mockito.Mockito.timeout(5000)).log(anyInt(), isNull(), eq(org.tinylog.Level.WARN),
                isNull(), isNull(), eq("no release comes: a DHCP server that takes seconds"));
    }

    @Test
    void awaitingAHeldBackendEndsTheHold() throws Exception {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        TinylogBackend backend = new TinylogBackend(() -> tinylog);
        backend.configureInBackground(() -> { }, Level.INFO, 60_000);
        backend.log(Level.ERROR, "bad configuration: exiting", null);
        long start = System.nanoTime();
        backend.await(5000);
        assertTrue(System.nanoTime() - start < 4_000_000_000L, "await did not sit out the hold");
        verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.ERROR), isNull(), isNull(),
                eq("bad configuration: exiting"));
    }

    @Test
    void withoutConfigurationTinylogIsSetUpOnTheCallersThread() {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        when(tinylog.getMinimumLevel()).thenReturn(org.tinylog.Level.DEBUG);
        TinylogBackend backend = new TinylogBackend(() -> tinylog);
        assertFalse(backend.enabled(Level.TRACE));
        assertTrue(backend.enabled(Level.DEBUG));
        // The level tinylog's writers take, read once: not tinylog's isEnabled, which walks the caller's stack.
        verify(tinylog, never()).isEnabled(anyInt(), any(), any());
        backend.log(Level.INFO, "now", null);
        verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.INFO), isNull(), isNull(), eq("now"));
    }

    @Test
    void theBridgeFormatsPlaceholdersAndPassesTheException() throws Exception {
        LoggingProvider tinylog = mock(LoggingProvider.class);
        when(tinylog.getMinimumLevel()).thenReturn(org.tinylog.Level.TRACE);
        TinylogBackend backend = new TinylogBackend(() -> tinylog);
        RuntimeException e = new RuntimeException("x");
        new BridgeLogger("t", backend).warn("{} on {}", "DHCPNAK", "eth0", e);
        verify(tinylog).log(anyInt(), isNull(), eq(org.tinylog.Level.WARN), eq(e), isNull(), eq("DHCPNAK on eth0"));
    }
}
