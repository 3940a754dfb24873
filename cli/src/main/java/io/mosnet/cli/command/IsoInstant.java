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
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return null; // e.g. a leap second: Instant.parse knows what to make of it, or says what is wrong
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + second, nanos);
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (years 0 to 9999 here), by H. Hinnant's days_from_civil. */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
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
