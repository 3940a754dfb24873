package io.mosnet.rdnss;

import java.time.Duration;
import java.time.Instant;

/** The 32-bit lifetime of the DNS RA options (RFC 8106 §5.1, §5.2), in seconds. */
final class Lifetime {

    /** All ones: valid until the router says otherwise (RFC 8106 §5.1). */
    static final long INFINITE = 0xffff_ffffL;

    private Lifetime() {
    }

    /** When an entry learned at {@code now} expires; null for {@link #INFINITE}. */
    static Instant expiry(Instant now, long seconds) {
        return seconds == INFINITE ? null : now.plus(Duration.ofSeconds(seconds));
    }
}
