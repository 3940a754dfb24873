package io.mosnet.api.config;

/**
 * The second uplink of the {@code dual-nic} topology ({@code mosnic2}, {@code mosip4_2}, {@code mosip6_2}). It is
 * addressed on its own, statically when {@code ipv4} or {@code ipv6} is given and by DHCP otherwise, in its own
 * bridge; it never carries the default route or DNS (those stay with the primary uplink), only the routes to its
 * own subnets.
 *
 * @param nic  the NIC, or null to probe the NICs the primary uplink did not take
 * @param ipv4 {@code mosip4_2}, or null
 * @param ipv6 {@code mosip6_2}, or null
 */
public record SecondaryUplink(String nic, StaticIpv4 ipv4, StaticIpv6 ipv6) {

    /** The bridge the second uplink goes into. */
    public static final String BRIDGE_NAME = "mos1";

    /** Static when mosip4_2 or mosip6_2 is present, DHCP otherwise. */
    public Mode mode() {
        return ipv4 != null || ipv6 != null ? Mode.STATIC : Mode.DHCP;
    }
}
