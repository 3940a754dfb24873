package io.mosnet.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException e) {
            assertThrows(DateTimeException.class, () -> IsoInstant.parse(text), text);
            return;
        }
        assertEquals(expected, IsoInstant.parse(text), text);
    }

    @Test
    void readsWhatInstantToStringWrites() {
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("2024-02-29T12:00:00.5Z")));
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
        for (Instant t : instants) {
            assertEquals(t, IsoInstant.parse(t.toString()), t.toString());
        }
    }

    @Test
    void acceptsAndRefusesWhatInstantParseDoes() {
        for (String text : List.of("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.1Z", "2026-03-01T10:00:00.123456789Z",
                "2026-03-01T10:00:00.1234567890Z", "2026-03-01T10:00:00.Z", "2026-03-01t10:00:00z",
                "2026-03-01T24:00:00Z", "2026-03-01T23:59:60Z", "2026-03-01T10:60:00Z", "2026-03-01T10:00:60Z",
                "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z",
                "2026-04-31T10:00:00Z", "2026-04-00T10:00:00Z", "+2026-03-01T10:00:00Z", "12026-03-01T10:00:00Z",
                "+12026-03-01T10:00:00Z", "-0001-03-01T10:00:00Z", "2026-03-01T10:00:00+01:00", "2026-03-01T10:00Z",
                "2026-03-01T10:00:00", "2026-03-01 10:00:00Z", "2026-03-01T1a:00:00Z", "2026-03-01T10:00:00.1a2Z",
                "2026-03-01T10:00:00,5Z", "2026-03-01T10:00:00.-5Z", "２０２６-03-01T10:00:00Z", "", "Z",
                "2026-03-01T10:00:00.000000000Z", "2026-03-01T10:00:00.12345678Z")) {
            assertSameAsInstantParse(text);
        }
    }
}
