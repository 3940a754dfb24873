package io.mosnet.api.state;

/**
 * A route mosnet installed.
 *
 * @param destination {@code 0.0.0.0/0}, {@code 203.0.113.1/32}, ...
 * @param gateway     next hop or null
 * @param device      output interface
 * @param onlink      gateway declared on-link
 */
public record RouteState(String destination, String gateway, String device, boolean onlink) {
}
