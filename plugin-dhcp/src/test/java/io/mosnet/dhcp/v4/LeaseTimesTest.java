package io.mosnet.dhcp.v4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTimesTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void defaultsToHalfAndSevenEighths() {
        LeaseTimes t = LeaseTimes.of(T, 3600, -1, -1);
        assertEquals(T.plusSeconds(1800), t.renewAt());
        assertEquals(T.plusSeconds(3150), t.rebindAt());
        assertEquals(T.plusSeconds(3600), t.expiresAt());
    }

    @Test
    void replacesT2AtOrPastTheLease() {
        LeaseTimes t = LeaseTimes.of(T, 100, 50, 100);
        assertEquals(T.plusMillis(87_500), t.rebindAt());
        assertEquals(T.plusSeconds(50), t.renewAt());
    }

    @Test
    void replacesT1AtOrPastT2() {
        LeaseTimes t = LeaseTimes.of(T, 1000, 300, 300);
        assertEquals(T.plusSeconds(300), t.rebindAt());
        assertEquals(T.plusMillis(171_428), t.renewAt(), "4/7 of T2 when half the lease is not before it");
    }

    @Test
    void keepsOrderForTinyLeases() {
        for (long lease : new long[] {0, 1, 2, 3}) {
            LeaseTimes t = LeaseTimes.of(T, lease, lease, lease);
            assertTrue(t.renewAt().isBefore(t.rebindAt()) && t.rebindAt().isBefore(t.expiresAt()), "lease " + lease);
        }
    }

    @Test
    void infiniteLeaseHasNoTimes() {
        LeaseTimes t = LeaseTimes.of(T, 0xffff_ffffL, 10, 20);
        assertNull(t.expiresAt());
        assertTrue(t.infinite());
    }

    @Test
    void refusesTimesOutOfOrder() {
        assertThrows(IllegalStateException.class, () -> new LeaseTimes(T.plusSeconds(2), T.plusSeconds(1),
                T.plusSeconds(3)));
    }
}
