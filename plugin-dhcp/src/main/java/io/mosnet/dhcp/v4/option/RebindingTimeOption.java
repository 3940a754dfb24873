package io.mosnet.dhcp.v4.option;

/**
 * Rebinding (T2) time value, option 59 (RFC 2132 section 9.12): four bytes, seconds from binding until the client
 * broadcasts to any server.
 */
public final class RebindingTimeOption {

    public static final int CODE = OptionCode.REBINDING_TIME;

    private RebindingTimeOption() {
    }

    /** Unsigned seconds. */
    public static long decodeSeconds(byte[] data) {
        OptionBytes.requireLength(CODE, "rebinding (T2) time value", data, 4);
        return OptionBytes.uint32(data, 0);
    }

    public static byte[] encode(long seconds) {
        if (seconds < 0 || seconds > 0xffff_ffffL) {
            throw new IllegalArgumentException("option 59: " + seconds + " s does not fit 32 bits");
        }
        return OptionBytes.encodeUint32(seconds);
    }
}
