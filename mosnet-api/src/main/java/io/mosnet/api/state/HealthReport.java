package io.mosnet.api.state;

import java.time.Instant;
import java.util.List;

/**
 * The daemon's verdict for {@code mosnet health}.
 *
 * @param status    {@value #HEALTHY} or {@value #DEGRADED}
 * @param reasons   why it is degraded (no carrier, lease expiring, retrying, ...); empty when healthy
 * @param phase     the daemon's phase (see {@link DaemonState#phase()})
 * @param checkedAt when the verdict was made
 */
public record HealthReport(String status, List<String> reasons, String phase, Instant checkedAt) {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";

    public HealthReport {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Healthy exactly when there is no reason to be degraded. */
    public static HealthReport of(List<String> reasons, String phase, Instant checkedAt) {
        return new HealthReport(reasons.isEmpty() ? HEALTHY : DEGRADED, reasons, phase, checkedAt);
    }
}
