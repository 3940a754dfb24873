package io.mosnet.cli.command;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
        Instant fast = canonical(s);
        if (fast != null) {
            return new IsoInstant(fast, s);
        }
        Instant parsed = Instant.parse(s);
        return new IsoInstant(parsed, parsed.toString());
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.SSS[SSS[SSS]]]Z} exactly as ISO_INSTANT prints it, or null. */
    private static Instant canonical(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        int fraction = n - 1 - 20;
        if (n > 20) {
            if (s.charAt(19) != '.' || fraction != 3 && fraction != 6 && fraction != 9
                    || s.startsWith("000", n - 4)) {
                return null; // not how ISO_INSTANT writes a fraction
            }
            nanos = digits(s, 20, n - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. a leap second: Instant.parse knows what to make of it
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 if any character there is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
