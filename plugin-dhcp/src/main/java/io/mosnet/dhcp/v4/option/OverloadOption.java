package io.mosnet.dhcp.v4.option;

/**
 * Option overload, option 52 (RFC 2132 section 9.3): one byte saying that the {@code file} (1), {@code sname} (2)
 * or both (3) header fields carry further options. It may only appear in the options field itself.
 */
public final class OverloadOption {

    public static final int CODE = OptionCode.OVERLOAD;
    public static final int FILE = 1;
    public static final int SNAME = 2;
    public static final int BOTH = 3;

    private OverloadOption() {
    }

    public static int decode(byte[] data) {
        OptionBytes.requireLength(CODE, "option overload", data, 1);
        int v = data[0] & 0xff;
        if (v < FILE || v > BOTH) {
            throw new DhcpParseException("option 52 (option overload): value " + v + ", expected 1, 2 or 3");
        }
        return v;
    }

    public static byte[] encode(int value) {
        return new byte[] {(byte) value};
    }
}
