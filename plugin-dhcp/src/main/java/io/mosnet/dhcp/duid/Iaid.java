package io.mosnet.dhcp.duid;

import io.mosnet.api.net.MacAddress;

/**
 * The IAID of an interface. RFC 4361 section 6.1 (DHCPv4) and RFC 8415 section 12 (DHCPv6) ask for one that is
 * stable across restarts and distinct per interface: the low four bytes of the NIC's permanent MAC, which survive
 * reboots and differ between the NICs of one host. Both clients use the same one.
 */
public final class Iaid {

    private Iaid() {
    }

    /** The IAID's 32 bits; DHCPv6 reads them unsigned. */
    public static int of(MacAddress mac) {
        return (int) mac.bits();
    }
}
