package io.mosnet.dhcp.v6.wire;

import java.time.Duration;
import java.time.Instant;

/**
 * A 32-bit lifetime or timer in seconds as DHCPv6 carries it. {@code 0xffffffff} means infinity (RFC 8415 section
 * 7.7) and must never be turned into a date by adding seconds: {@link #deadline} gives null for it.
 *
 * @param seconds 0 to 0xffffffff
 */
public record Lifetime(long seconds) implements Comparable<Lifetime> {

    public static final long INFINITE_SECONDS = 0xffff_ffffL;
    public static final Lifetime INFINITE = new Lifetime(INFINITE_SECONDS);
    public static final Lifetime ZERO = new Lifetime(0);

    public Lifetime {
        if (seconds < 0 || seconds > INFINITE_SECONDS) {
            throw new IllegalArgumentException("a DHCPv6 lifetime is 0-" + INFINITE_SECONDS + " s, got " + seconds);
        }
    }

    public static Lifetime ofSeconds(long seconds) {
        return new Lifetime(seconds);
    }

    public boolean isInfinite() {
        return seconds == INFINITE_SECONDS;
    }

    public boolean isZero() {
        return seconds == 0;
    }

    /** {@code from} plus this lifetime, or null when infinite. */
    public Instant deadline(Instant from) {
        return isInfinite() ? null : from.plusSeconds(seconds);
    }

    /** The duration, or null when infinite. */
    public Duration duration() {
        return isInfinite() ? null : Duration.ofSeconds(seconds);
    }

    /** This fraction of the lifetime, kept infinite when infinite (RFC 8415 section 21.4 recommends 0.5 and 0.8). */
    public Lifetime times(double factor) {
        return isInfinite() ? this : new Lifetime((long) (seconds * factor));
    }

    @Override
    public int compareTo(Lifetime o) {
        return Long.compare(seconds, o.seconds);
    }

    @Override
    public String toString() {
        return isInfinite() ? "infinite" : seconds + "s";
    }
}
