/**
 * The nftables firewall: mosnet's filter, NAT and egress-guard tables as one libnftables JSON transaction.
 * It exports nothing; the runtime finds it as a {@link io.mosnet.api.firewall.Firewall} service.
 */
module io.mosnet.nftables {
    requires io.mosnet.api;
    requires com.sun.jna;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // JNA builds proxies of the library interfaces reflectively.
    opens io.mosnet.nftables to com.sun.jna;

    provides io.mosnet.api.firewall.Firewall with io.mosnet.nftables.NftablesFirewall;
}
