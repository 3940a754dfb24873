package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;

/** Requested IP address, option 50 (RFC 2132 section 9.1): four bytes. */
public final class RequestedAddressOption {

    public static final int CODE = OptionCode.REQUESTED_ADDRESS;

    private RequestedAddressOption() {
    }

    public static Inet4Address decode(byte[] data) {
        OptionBytes.requireLength(CODE, "requested IP address", data, 4);
        return Ipv4.read(data, 0);
    }

    public static byte[] encode(Inet4Address address) {
        return address.getAddress();
    }
}
