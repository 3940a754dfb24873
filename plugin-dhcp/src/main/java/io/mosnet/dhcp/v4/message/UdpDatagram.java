package io.mosnet.dhcp.v4.message;

import io.mosnet.api.net.MacAddress;
import java.net.Inet4Address;

/**
 * A UDP datagram with the Ethernet and IPv4 addressing it travelled with.
 *
 * @param payload the UDP payload (a DHCP message); not copied
 */
public record UdpDatagram(MacAddress sourceMac, MacAddress destinationMac, Inet4Address sourceIp,
                          Inet4Address destinationIp, int sourcePort, int destinationPort, byte[] payload) {

    public static final int DHCP_SERVER_PORT = 67;
    public static final int DHCP_CLIENT_PORT = 68;
}
