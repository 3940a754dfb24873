package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;
import java.util.List;

/** Domain name servers, option 6 (RFC 2132 section 3.8): one or more addresses in order of preference. */
public final class DnsServersOption {

    public static final int CODE = OptionCode.DNS_SERVERS;

    private DnsServersOption() {
    }

    public static List<Inet4Address> decode(byte[] data) {
        return OptionBytes.addressList(CODE, "domain name servers", data);
    }

    public static byte[] encode(List<Inet4Address> servers) {
        return OptionBytes.encodeAddresses(servers);
    }
}
