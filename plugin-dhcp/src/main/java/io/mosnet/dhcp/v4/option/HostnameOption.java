package io.mosnet.dhcp.v4.option;

import java.nio.charset.StandardCharsets;

/**
 * Host name, option 12 (RFC 2132 section 3.14): the client's name, sent so that the server can register it. The
 * text is validated against RFC 1123 label rules in both directions; it is data only and never handed to a shell.
 */
public final class HostnameOption {

    public static final int CODE = OptionCode.HOSTNAME;

    private HostnameOption() {
    }

    public static String decode(byte[] data) {
        return DnsNames.requireValid("option 12 (host name)", new String(data, StandardCharsets.ISO_8859_1));
    }

    public static byte[] encode(String hostname) {
        return DnsNames.requireValid("option 12 (host name)", hostname).getBytes(StandardCharsets.US_ASCII);
    }
}
