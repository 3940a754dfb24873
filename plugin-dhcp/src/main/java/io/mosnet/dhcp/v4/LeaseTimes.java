package io.mosnet.dhcp.v4;

import java.time.Duration;
import java.time.Instant;

/**
 * When a lease is renewed, rebound and lost, computed and normalised in this one place. RFC 2131 section 4.4.5
 * defaults T1 to half the lease and T2 to 7/8 of it; a server's T1 or T2 that breaks T1 &lt; T2 &lt; lease (some
 * send T2 past the lease, or T1 equal to T2) is replaced by the default, so the timers always fire in order.
 *
 * @param renewAt  T1, or null for an infinite lease
 * @param rebindAt T2, or null for an infinite lease
 * @param expiresAt end of the lease, or null for an infinite lease
 */
public record LeaseTimes(Instant renewAt, Instant rebindAt, Instant expiresAt) {

    public LeaseTimes {
        if (expiresAt != null && !(renewAt.isBefore(rebindAt) && rebindAt.isBefore(expiresAt))) {
            throw new IllegalStateException("lease times out of order: T1 " + renewAt + ", T2 " + rebindAt
                    + ", expiry " + expiresAt);
        }
    }

    /**
     * @param leaseSeconds the lease (option 51), {@code 0xffffffff} for infinite
     * @param t1Seconds    option 58, or -1 when absent
     * @param t2Seconds    option 59, or -1 when absent
     */
    public static LeaseTimes of(Instant boundAt, long leaseSeconds, long t1Seconds, long t2Seconds) {
        if (leaseSeconds == 0xffff_ffffL) {
            return new LeaseTimes(null, null, null);
        }
        // A lease of under 2 s leaves no room for T1 < T2 < lease in whole seconds; work in milliseconds instead.
        long lease = Math.max(leaseSeconds, 1) * 1000;
        long t1 = t1Seconds < 0 ? -1 : t1Seconds * 1000;
        long t2 = t2Seconds < 0 ? -1 : t2Seconds * 1000;
        if (t2 <= 0 || t2 >= lease) {
            t2 = lease * 7 / 8;
        }
        if (t1 <= 0 || t1 >= t2) {
            // Half the lease, unless a short server T2 comes first: then keep the default T1:T2 ratio of 4:7.
            t1 = Math.min(lease / 2, t2 * 4 / 7);
        }
        return new LeaseTimes(boundAt.plusMillis(t1), boundAt.plusMillis(t2), boundAt.plusMillis(lease));
    }

    public boolean infinite() {
        return expiresAt == null;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Duration untilExpiry(Instant now) {
        return expiresAt == null ? Duration.ofDays(365_000) : Duration.between(now, expiresAt);
    }
}
