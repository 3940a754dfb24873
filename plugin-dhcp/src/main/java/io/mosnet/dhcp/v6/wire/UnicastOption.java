package io.mosnet.dhcp.v6.wire;

import java.net.Inet6Address;

/**
 * Server Unicast option (RFC 8415 section 21.12): the address at which the server accepts Request and Renew
 * directly. Without it the client multicasts to All_DHCP_Relay_Agents_and_Servers.
 */
public final class UnicastOption {

    public static final int CODE = OptionCode.UNICAST;

    private UnicastOption() {
    }

    public static Inet6Address decode(byte[] data) {
        if (data.length != 16) {
            throw new Dhcp6ParseException("UNICAST option: length must be 16, got " + data.length);
        }
        return WireReader.toIpv6(data);
    }

    public static byte[] encode(Inet6Address server) {
        return server.getAddress();
    }
}
