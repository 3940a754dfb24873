package io.mosnet.dhcp.v4.option;

/**
 * Rapid commit, option 80 (RFC 4039 section 4): no data. In a DHCPDISCOVER it asks for the two-message exchange;
 * in a DHCPACK it says the server committed the lease without a DHCPREQUEST.
 */
public final class RapidCommitOption {

    public static final int CODE = OptionCode.RAPID_COMMIT;

    private RapidCommitOption() {
    }

    public static void validate(byte[] data) {
        OptionBytes.requireLength(CODE, "rapid commit", data, 0);
    }

    public static byte[] encode() {
        return new byte[0];
    }
}
