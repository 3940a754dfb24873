package io.mosnet.dhcp.v6.wire;

import java.time.Duration;

/**
 * Elapsed Time option (RFC 8415 section 21.9): how long the client has been trying in this exchange, in hundredths
 * of a second; 0xffff stands for anything longer.
 */
public final class ElapsedTimeOption {

    public static final int CODE = OptionCode.ELAPSED_TIME;

    private ElapsedTimeOption() {
    }

    /** Hundredths of a second, 0 to 0xffff. */
    public static int decode(byte[] data) {
        if (data.length != 2) {
            throw new Dhcp6ParseException("ELAPSED_TIME option: length must be 2, got " + data.length);
        }
        return ((data[0] & 0xff) << 8) | (data[1] & 0xff);
    }

    public static byte[] encode(Duration elapsed) {
        long hundredths = Math.max(0, Math.min(0xffff, elapsed.toMillis() / 10));
        return new byte[] {(byte) (hundredths >>> 8), (byte) hundredths};
    }
}
