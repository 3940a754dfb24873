package io.mosnet.runtime.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class SystemLoggerFinderTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream fallback = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final Logger slf4j = mock(Logger.class);
    private final AtomicInteger lookups = new AtomicInteger();

    private System.Logger logger(boolean inUse) {
        return new SystemLoggerFinder.Slf4jSystemLogger("java.lang.Runtime", fallback, () -> inUse, name -> {
            lookups.incrementAndGet();
            return slf4j;
        });
    }

    @Test
    void aProcessThatDoesNotLogIsNotMadeToAsTheJdkAsksAboutItsExit() {
        System.Logger logger = logger(false);

        assertFalse(logger.isLoggable(Level.DEBUG), "System.exit asks this on every exit");
        logger.log(Level.DEBUG, "Runtime.exit() logging");

        assertEquals(0, lookups.get(), "SLF4J, and so tinylog, is never set up for the JDK's sake");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutLoggingInfoAndAboveGoToStandardErrorAsTheJdkDefaultWould() {
        System.Logger logger = logger(false);

        assertTrue(logger.isLoggable(Level.INFO));
        logger.log(Level.WARNING, "{0} of {1} handshakes failed", 2, 3);
        logger.log(Level.OFF, "never");

        assertEquals("WARNING: java.lang.Runtime: 2 of 3 handshakes failed" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(0, lookups.get());
    }

    @Test
    void aProcessThatLogsGetsTheJdksLinesInItsOwnLogAtTheMatchingLevel() {
        when(slf4j.isDebugEnabled()).thenReturn(true);
        when(slf4j.isWarnEnabled()).thenReturn(true);
        when(slf4j.isTraceEnabled()).thenReturn(false);
        System.Logger logger = logger(true);
        IllegalStateException cause = new IllegalStateException("boom");

        logger.log(Level.DEBUG, "Runtime.exit() logging");
        logger.log(Level.WARNING, "failed", cause);
        logger.log(Level.TRACE, "not enabled");

        verify(slf4j).debug("Runtime.exit() logging", (Throwable) null);
        verify(slf4j).warn("failed", cause);
        verify(slf4j, never()).trace(org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.<Throwable>any());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFinderHandsOutLoggersByName() {
        assertEquals("jdk.event.security", new SystemLoggerFinder()
                .getLogger("jdk.event.security", Object.class.getModule()).getName());
    }
}
