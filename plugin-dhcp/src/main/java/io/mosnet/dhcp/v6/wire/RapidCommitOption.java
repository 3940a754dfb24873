package io.mosnet.dhcp.v6.wire;

/**
 * Rapid Commit option (RFC 8415 section 21.14): empty. In a Solicit it asks for the two-message exchange; in a
 * Reply to a Solicit it says the server committed the lease without a Request.
 */
public final class RapidCommitOption {

    public static final int CODE = OptionCode.RAPID_COMMIT;

    private RapidCommitOption() {
    }

    /** Checks that the option is empty. */
    public static boolean decode(byte[] data) {
        if (data.length != 0) {
            throw new Dhcp6ParseException("RAPID_COMMIT option: length must be 0, got " + data.length);
        }
        return true;
    }

    public static byte[] encode() {
        return new byte[0];
    }
}
