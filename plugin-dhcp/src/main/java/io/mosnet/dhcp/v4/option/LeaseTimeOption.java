package io.mosnet.dhcp.v4.option;

/** IP address lease time, option 51 (RFC 2132 section 9.2): four bytes, the lease in seconds. */
public final class LeaseTimeOption {

    public static final int CODE = OptionCode.LEASE_TIME;
    public static final long INFINITE = 0xffff_ffffL;

    private LeaseTimeOption() {
    }

    /** Unsigned seconds; {@link #INFINITE} for a lease that never ends. */
    public static long decodeSeconds(byte[] data) {
        OptionBytes.requireLength(CODE, "IP address lease time", data, 4);
        return OptionBytes.uint32(data, 0);
    }

    public static byte[] encode(long seconds) {
        if (seconds < 0 || seconds > 0xffff_ffffL) {
            throw new IllegalArgumentException("option 51: " + seconds + " s does not fit 32 bits");
        }
        return OptionBytes.encodeUint32(seconds);
    }
}
