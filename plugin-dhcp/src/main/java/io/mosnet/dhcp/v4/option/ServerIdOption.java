package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;

/** Server identifier, option 54 (RFC 2132 section 9.7): four bytes, the address of the server that answered. */
public final class ServerIdOption {

    public static final int CODE = OptionCode.SERVER_ID;

    private ServerIdOption() {
    }

    public static Inet4Address decode(byte[] data) {
        OptionBytes.requireLength(CODE, "server identifier", data, 4);
        return Ipv4.read(data, 0);
    }

    public static byte[] encode(Inet4Address server) {
        return server.getAddress();
    }
}
