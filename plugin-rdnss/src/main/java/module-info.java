/**
 * DNS servers (RDNSS) and search domains (DNSSL) from IPv6 router advertisements, RFC 8106. The kernel hands the
 * options it does not handle itself to user space as RTM_NEWNDUSEROPT; this module parses them, keeps them for
 * their lifetimes and reports the merged set as an {@link io.mosnet.api.address.AddressSource} with id
 * {@code rdnss}. It exports nothing.
 */
module io.mosnet.rdnss {
    requires io.mosnet.api;
    requires org.slf4j;

    provides io.mosnet.api.address.AddressSource with io.mosnet.rdnss.RdnssSource;
}
