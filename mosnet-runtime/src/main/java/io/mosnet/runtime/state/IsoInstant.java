package io.mosnet.runtime.state;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * {@link Instant#parse} with a short way for the form {@link Instant#toString} writes ({@code 2026-01-02T03:04:05Z},
 * {@code 2026-01-02T03:04:05.600Z}): java.time.format's first parse costs a cold daemon milliseconds. Anything else
 * (an offset, lower case, {@code 24:00}, a leap second, a year past 9999) is left to {@link Instant#parse}, so that
 * both accept and refuse the same texts. The CLI reads the API's instants with it too.
 */
public final class IsoInstant {

    private static final int SHORTEST = "2026-01-02T03:04:05Z".length();

    private IsoInstant() {
    }

    /** The instant {@code text} names; throws {@link DateTimeException} as {@link Instant#parse} does. */
    public static Instant parse(String text) {
        Instant quick = quick(text);
        return quick != null ? quick : Instant.parse(text);
    }

    /**
     * The instant when {@code text} is exactly what {@link Instant#toString} writes for it (UTC, the fraction in
     * groups of three digits, none when zero), else null: a caller can then show the text as it came.
     */
    public static Instant canonical(String text) {
        int fraction = text.length() - SHORTEST - 1;
        if (fraction > 0 && (fraction != 3 && fraction != 6 && fraction != 9 || text.startsWith("000",
                text.length() - 4))) {
            return null;
        }
        return quick(text);
    }

    /** The instant when {@code text} has the plain form and is valid, else null. */
    private static Instant quick(String s) {
        int n = s.length();
        if (n < SHORTEST || n > SHORTEST + 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > SHORTEST) {
            if (s.charAt(19) != '.' || n == SHORTEST + 1) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            for (int i = n - 1 - 20; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null; // February 30th, a leap second: Instant.parse says what to make of it
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second,
                nanos);
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date (years 0 to 9999 here), by H. Hinnant's days_from_civil:
     * arithmetic only, where {@code LocalDate.of} would initialise java.time's field and chronology tables.
     */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
