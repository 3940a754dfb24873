package io.mosnet.api.state;

/**
 * The answer to {@code mosnet conntrack --flush}.
 *
 * @param zone    the zone flushed, or null for all
 * @param flushed entries removed, or -1 when the datapath does not say
 */
public record ConntrackFlushResult(Integer zone, long flushed) {
}
