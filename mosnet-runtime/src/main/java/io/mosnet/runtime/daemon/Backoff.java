package io.mosnet.runtime.daemon;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s, ... capped at 30 s, each delay spread by up to ±25% so that many
 * hosts booting together do not retry in step.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration cap;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration cap, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= cap, got " + initial + " and " + cap);
        }
        this.initial = initial;
        this.cap = cap;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Math::random);
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        long base = initial.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long exp = Math.min(cap.toMillis(), base << shift);
        double factor = 0.75 + 0.5 * random.getAsDouble();
        return Duration.ofMillis(Math.min(cap.toMillis(), Math.max(1, Math.round(exp * factor))));
    }
}
