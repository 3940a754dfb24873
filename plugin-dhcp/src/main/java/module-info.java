/**
 * mosnet's DHCPv4 client: the RFC 2131 state machine, the multi-NIC probe and a hardened codec. Provides the
 * {@code dhcpv4} address source; exports nothing, the runtime reaches it through the API alone.
 */
module io.mosnet.dhcp {
    requires io.mosnet.api;
    requires org.slf4j;

    provides io.mosnet.api.address.AddressSource with io.mosnet.dhcp.v4.Dhcp4AddressSource;
}
