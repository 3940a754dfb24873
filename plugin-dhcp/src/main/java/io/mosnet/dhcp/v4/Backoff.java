package io.mosnet.dhcp.v4;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retransmission delays of RFC 2131 section 4.1: 4 s before the second try, doubling up to 64 s, each randomised
 * by a uniform -1..+1 s so that clients that started together do not stay in step.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(4);
    static final Duration MAX = Duration.ofSeconds(64);

    private final RandomGenerator random;
    private final int maxTries;
    private Duration base = FIRST;
    private int tries;

    /**
     * @param maxTries after how many delays {@link #exhausted()} says to give up; 0 for never
     */
    Backoff(RandomGenerator random, int maxTries) {
        this.random = random;
        this.maxTries = maxTries;
    }

    /**
     * The next delay; the base doubles each time until it reaches 64 s. Doubled by addition: {@code multipliedBy}
     * goes through BigDecimal, whose class initialisation alone was a sixth of mosnetd's start-up before the first
     * DHCPDISCOVER went out.
     */
    Duration next() {
        long jitterMillis = random.nextLong(-1000, 1001);
        Duration d = base.plusMillis(jitterMillis);
        Duration doubled = base.plus(base);
        base = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        tries++;
        return d;
    }

    boolean exhausted() {
        return maxTries > 0 && tries >= maxTries;
    }
}
