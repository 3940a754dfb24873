package io.mosnet.api.state;

import java.time.Instant;

/**
 * A prefix delegated by DHCPv6-PD (RFC 8415 section 6.3), for {@code mosnet prefix}.
 *
 * @param prefix         {@code 2001:db8:100::/56}
 * @param assigned       the /64 mosnet put on the bridge, or null
 * @param server         the delegating server's DUID, hex
 * @param preferredUntil end of the preferred lifetime
 * @param validUntil     end of the valid lifetime
 */
public record DelegatedPrefix(String prefix, String assigned, String server, Instant preferredUntil,
                              Instant validUntil) {
}
