package io.mosnet.dhcp.v6;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.Iaid;

/**
 * Who the client is: the host's DUID and the IAIDs of its IA_NA and IA_PD. RFC 8415 section 12 wants an IAID that
 * stays the same across restarts, so it is the uplink's {@link Iaid} (the same as the DHCPv4 client's
 * RFC 4361 IAID), and IA_NA and IA_PD may share it because IAIDs are per IA type.
 *
 * @param duid the DUID sent in CLIENTID
 * @param iaid the IAID of both IAs
 */
public record Dhcp6Identity(Duid duid, long iaid) {

    public static Dhcp6Identity of(Duid duid, MacAddress uplinkMac) {
        return new Dhcp6Identity(duid, Integer.toUnsignedLong(Iaid.of(uplinkMac)));
    }
}
