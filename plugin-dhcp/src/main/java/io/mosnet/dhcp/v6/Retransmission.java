package io.mosnet.dhcp.v6;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The retransmission timer of one message exchange (RFC 8415 section 15): RT starts at IRT, doubles, is capped at
 * MRT, each step randomised by RAND in [-0.1, 0.1]; the exchange fails after MRC transmissions or MRD since the
 * first one (0 means no limit). The first RT of a Solicit is strictly above IRT, so that Advertises collected during
 * it are never cut short.
 */
final class Retransmission {

    /**
     * The parameters of one message type (RFC 8415 section 7.6).
     *
     * @param irt initial retransmission time
     * @param mrt maximum retransmission time, ZERO for none
     * @param mrc maximum transmissions, 0 for none
     * @param mrd maximum duration, ZERO for none
     */
    record Params(Duration irt, Duration mrt, int mrc, Duration mrd) {

        static final Params SOLICIT = new Params(Duration.ofSeconds(1), Duration.ofSeconds(3600), 0, Duration.ZERO);
        static final Params REQUEST = new Params(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ZERO);
        /** MRD is "until T2", set per exchange. */
        static final Params RENEW = new Params(Duration.ofSeconds(10), Duration.ofSeconds(600), 0, Duration.ZERO);
        /** MRD is "until all leases expire", set per exchange. */
        static final Params REBIND = new Params(Duration.ofSeconds(10), Duration.ofSeconds(600), 0, Duration.ZERO);
        /** DEC_TIMEOUT and DEC_MAX_RC (section 18.2.8), no MRT or MRD. */
        static final Params DECLINE = new Params(Duration.ofSeconds(1), Duration.ZERO, 4, Duration.ZERO);

        Params withMrt(Duration m) {
            return new Params(irt, m, mrc, mrd);
        }

        Params withMrd(Duration d) {
            return new Params(irt, mrt, mrc, d.isNegative() ? Duration.ZERO : d);
        }
    }

    private final Params params;
    private final Instant start;
    private final RandomGenerator random;
    private final boolean strictlyAboveIrt;
    private Duration rt;
    private int sent;

    Retransmission(Params params, Instant start, RandomGenerator random, boolean solicit) {
        this.params = params;
        this.start = start;
        this.random = random;
        this.strictlyAboveIrt = solicit;
    }

    /** Counts a transmission and returns how long to wait for an answer before the next one. */
    Duration afterTransmission(Instant now) {
        sent++;
        if (rt == null) {
            double r = strictlyAboveIrt ? Math.nextUp(0.0) + random.nextDouble() * 0.1 : rand();
            rt = scale(params.irt(), 1 + r);
        } else {
            rt = scale(rt, 2 + rand());
            if (!params.mrt().isZero() && rt.compareTo(params.mrt()) > 0) {
                rt = scale(params.mrt(), 1 + rand());
            }
        }
        if (!params.mrd().isZero()) {
            Duration left = Duration.between(now, start.plus(params.mrd()));
            if (left.compareTo(rt) < 0) {
                return left.isNegative() ? Duration.ZERO : left;
            }
        }
        return rt;
    }

    /** Whether the exchange has failed: MRC transmissions made, or MRD elapsed. */
    boolean exhausted(Instant now) {
        return (params.mrc() > 0 && sent >= params.mrc())
                || (!params.mrd().isZero() && !now.isBefore(start.plus(params.mrd())));
    }

    /** Whether the first RT is still running (no retransmission made yet). */
    boolean isFirst() {
        return sent <= 1;
    }

    Instant start() {
        return start;
    }

    int sent() {
        return sent;
    }

    private double rand() {
        return random.nextDouble() * 0.2 - 0.1;
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos((long) (d.toNanos() * factor));
    }
}
