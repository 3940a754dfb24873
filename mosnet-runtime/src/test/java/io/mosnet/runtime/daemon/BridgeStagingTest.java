package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BridgeStagingTest {

    private static final Link ETH0 = new Link(2, "eth0", "", MacAddress.parse("52:54:00:00:00:01"), 1500, true, true, 0);
    private static final Link ETH1 = new Link(3, "eth1", "", MacAddress.parse("52:54:00:00:00:02"), 1500, true, true, 0);

    private final BridgeBackend backend = mock(BridgeBackend.class);
    private final PluginContext ctx = mock(PluginContext.class);

    @Test
    void theOnlyCandidateIsPassedOnAsTheLikelyUplink() {
        BridgeStaging.start(backend, "mos", List.of(ETH0), ctx).await();
        verify(backend).stage("mos", ETH0, ctx);
    }

    @Test
    void severalCandidatesLeaveTheUplinkOpen() {
        BridgeStaging.start(backend, "mos", List.of(ETH0, ETH1), ctx).await();
        verify(backend).stage("mos", null, ctx);
    }

    @Test
    void noCandidateStagesNothing() {
        BridgeStaging.start(backend, "mos", List.of(), ctx).await();
        verify(backend, never()).stage(anyString(), any(), any());
    }

    @Test
    void aFailureIsLeftToAttachAndAwaitStillReturns() {
        doThrow(new MosnetException("RTM_NEWLINK mos: Operation not supported")).when(backend)
                .stage("mos", ETH0, ctx);
        BridgeStaging.start(backend, "mos", List.of(ETH0), ctx).await();
        verify(backend).stage("mos", ETH0, ctx);
    }

    @Test
    void runsOffTheCallersThread() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        doAnswer(call -> {
            ran.set(Thread.currentThread());
            return null;
        }).when(backend).stage("mos", ETH0, ctx);
        BridgeStaging.start(backend, "mos", List.of(ETH0), ctx).await();
        assertNotSame(Thread.currentThread(), ran.get());
        assertEquals("mosnet-bridge-stage", ran.get().getName());
    }
}
