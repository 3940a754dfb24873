package io.mosnet.dhcp.v6.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifetimeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void infinityNeverBecomesADate() {
        assertNull(Lifetime.INFINITE.deadline(NOW));
        assertNull(Lifetime.INFINITE.duration());
        assertTrue(Lifetime.INFINITE.times(0.5).isInfinite());
    }

    @Test
    void finiteLifetimesAddUp() {
        assertEquals(NOW.plusSeconds(60), Lifetime.ofSeconds(60).deadline(NOW));
        assertEquals(Lifetime.ofSeconds(48), Lifetime.ofSeconds(60).times(0.8));
        assertTrue(Lifetime.ZERO.isZero());
    }

    @Test
    void rejectsValuesOutside32Bits() {
        assertThrows(IllegalArgumentException.class, () -> Lifetime.ofSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> Lifetime.ofSeconds(1L << 32));
    }
}
