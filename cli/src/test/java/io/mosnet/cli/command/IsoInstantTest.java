package io.mosnet.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:00:00Z", "2026-11-24T23:33:56.971941059Z", "2026-11-24T23:33:56.971941Z",
            "2026-11-24T23:33:56.970Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
            "2024-02-29T12:00:00.000001Z", "2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.100000Z",
            "2026-03-01T10:00:00.1Z", "2026-03-01T10:00:00.12Z", "2026-03-01T10:00:00.1234Z",
            "2026-03-01T10:00:00.123456000Z", "2026-03-01T10:00:00+01:00", "2026-12-31T23:59:60Z",
            "+12026-03-01T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:00:00.Z"})
    void readsAndShowsAsInstantParseAndToString(String text) {
        Instant reference;
        try {
            reference = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(text));
            return;
        }
        IsoInstant read = IsoInstant.parse(text);
        assertEquals(reference, read.instant(), text);
        assertEquals(reference.toString(), read.text(), text);
    }

    @org.junit.jupiter.api.Test
    void readsEveryDayOfFourCenturiesAsInstantParse() {
        for (long day = java.time.LocalDate.of(1899, 1, 1).toEpochDay(); day < java.time.LocalDate.of(2401, 1, 1)
                .toEpochDay(); day += 1) {
            String text = Instant.ofEpochSecond(day * 86400 + 45296, 7_000_000).toString();
            assertEquals(Instant.parse(text), IsoInstant.parse(text).instant(), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "2026-02-30T10:00:00Z", "2026-03-01 10:00:00Z", "2026-03-01T10:00:00",
            "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "2026-04-31T10:00:00Z", "2025-02-29T10:00:00Z", "1900-02-29T10:00:00Z", "2026-03-01T10:60:00Z", "x026-03-01T10:00:00Z", "2026-03-01T10:0a:00Z"})
    void rejectsWhatInstantParseRejects(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(text));
    }
}
