package io.mosnet.dhcp.v4.option;

/** Interface MTU, option 26 (RFC 2132 section 5.1): two bytes, at least 68 (the IPv4 minimum, RFC 791). */
public final class InterfaceMtuOption {

    public static final int CODE = OptionCode.INTERFACE_MTU;
    public static final int MIN = 68;

    private InterfaceMtuOption() {
    }

    public static int decode(byte[] data) {
        OptionBytes.requireLength(CODE, "interface MTU", data, 2);
        int mtu = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        if (mtu < MIN) {
            throw new DhcpParseException("option 26 (interface MTU): " + mtu + " is below the minimum of " + MIN);
        }
        return mtu;
    }

    public static byte[] encode(int mtu) {
        return new byte[] {(byte) (mtu >>> 8), (byte) mtu};
    }
}
