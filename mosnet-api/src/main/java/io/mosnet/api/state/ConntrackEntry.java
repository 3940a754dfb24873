package io.mosnet.api.state;

/**
 * A connection-tracking entry.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, ...
 * @param zone     conntrack zone, 0 by default
 * @param original original-direction tuple, {@code src=10.0.0.2,dst=10.0.0.1,sport=5353,dport=53}
 * @param reply    reply-direction tuple
 * @param state    protocol state ({@code ESTABLISHED}), or null
 */
public record ConntrackEntry(String protocol, int zone, String original, String reply, String state) {
}
