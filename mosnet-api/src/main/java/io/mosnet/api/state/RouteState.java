package io.mosnet.api.state;

import java.util.Objects;

/**
 * A route mosnet installed.
 *
 * @param destination {@code 0.0.0.0/0}, {@code 203.0.113.1/32}, ...
 * @param gateway     next hop or null
 * @param device      output interface
 * @param onlink      gateway declared on-link
 */
public record RouteState(String destination, String gateway, String device, boolean onlink) {

    // equals and hashCode written out: the generated ones bootstrap through ObjectMethods on first use (milliseconds
    // of an interpreted start, which the AOT cache cannot keep), and the daemon compares states on its way to READY.
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteState r && onlink == r.onlink && Objects.equals(destination, r.destination)
                && Objects.equals(gateway, r.gateway) && Objects.equals(device, r.device);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, gateway, device, onlink);
    }
}
