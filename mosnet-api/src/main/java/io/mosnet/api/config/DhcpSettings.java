package io.mosnet.api.config;

import java.time.Duration;

/**
 * DHCP mode settings.
 *
 * @param timeout             how long to wait for offers on the candidate NICs ({@code mosdhcp_timeout}, default 10 s)
 * @param preferPrivate       rank RFC 1918 offers first ({@code mosdhcp_prefer_private}, default yes)
 * @param classlessRoutes     honour option 121 (which then replaces option 3); false ignores it
 * @param rapidCommit         ask for a two-message exchange (RFC 4039)
 * @param hostname            hostname to send in option 12, or null
 * @param dhcpv6              run a DHCPv6 client beside SLAAC
 * @param prefixDelegation    ask for a delegated prefix (IA_PD)
 * @param assignDelegatedPrefix put the first /64 of a delegated prefix on the bridge for the VMs behind it
 */
public record DhcpSettings(Duration timeout, boolean preferPrivate, boolean classlessRoutes, boolean rapidCommit,
                           String hostname, boolean dhcpv6, boolean prefixDelegation, boolean assignDelegatedPrefix) {

    public static DhcpSettings defaults() {
        return new DhcpSettings(Duration.ofSeconds(10), true, true, false, null, true, false, false);
    }

    public DhcpSettings withTimeout(Duration t) {
        return new DhcpSettings(t, preferPrivate, classlessRoutes, rapidCommit, hostname, dhcpv6, prefixDelegation,
                assignDelegatedPrefix);
    }

    public DhcpSettings withPreferPrivate(boolean p) {
        return new DhcpSettings(timeout, p, classlessRoutes, rapidCommit, hostname, dhcpv6, prefixDelegation,
                assignDelegatedPrefix);
    }
}
