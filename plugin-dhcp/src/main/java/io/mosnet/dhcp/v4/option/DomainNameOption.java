package io.mosnet.dhcp.v4.option;

import java.nio.charset.StandardCharsets;

/**
 * Domain name, option 15 (RFC 2132 section 3.17): the domain to use for name resolution. Some servers terminate it
 * with a NUL byte; that is dropped before the name is validated (it goes into resolv.conf).
 */
public final class DomainNameOption {

    public static final int CODE = OptionCode.DOMAIN_NAME;

    private DomainNameOption() {
    }

    public static String decode(byte[] data) {
        int len = data.length;
        while (len > 0 && data[len - 1] == 0) {
            len--;
        }
        return DnsNames.requireValid("option 15 (domain name)", new String(data, 0, len, StandardCharsets.ISO_8859_1));
    }

    public static byte[] encode(String domain) {
        return DnsNames.requireValid("option 15 (domain name)", domain).getBytes(StandardCharsets.US_ASCII);
    }
}
