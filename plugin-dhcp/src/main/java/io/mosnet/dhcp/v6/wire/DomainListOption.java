package io.mosnet.dhcp.v6.wire;

import java.util.List;

/** Domain Search List option (RFC 3646 section 4): search domains as a sequence of DNS wire names. */
public record DomainListOption(List<String> domains) {

    public static final int CODE = OptionCode.DOMAIN_LIST;

    public DomainListOption {
        domains = List.copyOf(domains);
    }

    public static DomainListOption decode(byte[] data) {
        return new DomainListOption(DnsNames.decodeList(data, "DOMAIN_LIST option"));
    }

    public byte[] encode() {
        return DnsNames.encodeList(domains);
    }
}
