package io.mosnet.dhcp.v4.option;

/**
 * Renewal (T1) time value, option 58 (RFC 2132 section 9.11): four bytes, seconds from binding until the client
 * starts renewing with its server.
 */
public final class RenewalTimeOption {

    public static final int CODE = OptionCode.RENEWAL_TIME;

    private RenewalTimeOption() {
    }

    /** Unsigned seconds. */
    public static long decodeSeconds(byte[] data) {
        OptionBytes.requireLength(CODE, "renewal (T1) time value", data, 4);
        return OptionBytes.uint32(data, 0);
    }

    public static byte[] encode(long seconds) {
        if (seconds < 0 || seconds > 0xffff_ffffL) {
            throw new IllegalArgumentException("option 58: " + seconds + " s does not fit 32 bits");
        }
        return OptionBytes.encodeUint32(seconds);
    }
}
