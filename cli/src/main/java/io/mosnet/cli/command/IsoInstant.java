package io.mosnet.cli.command;

import java.time.Instant;

/**
 * An instant as mosnetd writes it ({@code DateTimeFormatter.ISO_INSTANT} through Jackson: UTC, {@code Z}, the
 * fraction in groups of three digits, none when zero) with that text. Such text is read here and shown as it came,
 * which is exactly what {@link Instant#parse} and {@link Instant#toString} would give, without starting
 * {@code java.time.format} (a few milliseconds of a {@code mosnet status}); any other form goes through them.
 *
 * @param instant the point in time
 * @param text    how {@link Instant#toString} writes it
 */
record IsoInstant(Instant instant, String text) {

    /** Reads {@code s}; throws {@link java.time.format.DateTimeParseException} when it is no ISO-8601 instant. */
    static IsoInstant parse(String s) {
        Instant fast = io.mosnet.runtime.state.IsoInstant.canonical(s);
        if (fast != null) {
            return new IsoInstant(fast, s);
        }
        Instant parsed = Instant.parse(s);
        return new IsoInstant(parsed, parsed.toString());
    }
}
