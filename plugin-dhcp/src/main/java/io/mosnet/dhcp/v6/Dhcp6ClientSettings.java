package io.mosnet.dhcp.v6;

import java.time.Duration;

/**
 * How the client asks.
 *
 * @param requestAddress   ask for an address (IA_NA)
 * @param prefixDelegation ask for a prefix (IA_PD)
 * @param rapidCommit      offer the two-message exchange (RFC 8415 section 18.2.1)
 * @param noServerAfter    after this long without a usable Advertise the client reports "SLAAC only"
 */
public record Dhcp6ClientSettings(boolean requestAddress, boolean prefixDelegation, boolean rapidCommit,
                                  Duration noServerAfter) {

    public Dhcp6ClientSettings {
        if (!requestAddress && !prefixDelegation) {
            throw new IllegalArgumentException("a DHCPv6 client must ask for an address, a prefix or both");
        }
        if (noServerAfter.isNegative() || noServerAfter.isZero()) {
            throw new IllegalArgumentException("noServerAfter must be positive, got " + noServerAfter);
        }
    }
}
