package io.mosnet.dhcp.v4.option;

import java.net.Inet4Address;
import java.util.List;

/** Routers, option 3 (RFC 2132 section 3.5): one or more addresses in order of preference. */
public final class RouterOption {

    public static final int CODE = OptionCode.ROUTER;

    private RouterOption() {
    }

    public static List<Inet4Address> decode(byte[] data) {
        return OptionBytes.addressList(CODE, "router", data);
    }

    public static byte[] encode(List<Inet4Address> routers) {
        return OptionBytes.encodeAddresses(routers);
    }
}
