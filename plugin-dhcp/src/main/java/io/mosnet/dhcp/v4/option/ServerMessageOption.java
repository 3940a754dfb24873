package io.mosnet.dhcp.v4.option;

import java.nio.charset.StandardCharsets;

/**
 * Message, option 56 (RFC 2132 section 9.9): text a server puts in a DHCPNAK to say why. It is only ever logged,
 * so it is reduced to printable ASCII first.
 */
public final class ServerMessageOption {

    public static final int CODE = OptionCode.MESSAGE;

    private ServerMessageOption() {
    }

    public static String decode(byte[] data) {
        return DnsNames.printable(new String(data, StandardCharsets.ISO_8859_1));
    }

    public static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
