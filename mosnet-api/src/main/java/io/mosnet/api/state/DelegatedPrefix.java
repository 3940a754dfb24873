package io.mosnet.api.state;

import java.time.Instant;

/**
 * A prefix delegated to the host by DHCPv6 (RFC 8415 IA_PD), as the state file and {@code mosnet prefix} show it.
 *
 * @param prefix         {@code prefix/len}, e.g. {@code 2001:db8:1200::/56}
 * @param preferredUntil end of the preferred lifetime, null when infinite
 * @param validUntil     end of the valid lifetime, null when infinite
 * @param assigned       the address put on the bridge from it ({@code prefix::1/64}), or null when none
 */
public record DelegatedPrefix(String prefix, Instant preferredUntil, Instant validUntil, String assigned) {
}
