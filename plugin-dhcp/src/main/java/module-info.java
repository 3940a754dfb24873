/**
 * mosnet's DHCP clients: DHCPv4 (the RFC 2131 state machine, the multi-NIC probe) and DHCPv6 (RFC 8415 addresses and
 * prefix delegation), with hardened codecs. Provides the {@code dhcpv4} and {@code dhcpv6} address sources; exports
 * nothing, the runtime reaches them through the API alone.
 */
module io.mosnet.dhcp {
    requires io.mosnet.api;
    requires org.slf4j;

    provides io.mosnet.api.address.AddressSource
            with io.mosnet.dhcp.v4.Dhcp4AddressSource, io.mosnet.dhcp.v6.Dhcp6AddressSource;
}
