package io.mosnet.dhcp.v6.wire;

/**
 * Preference option (RFC 8415 section 21.8): one byte in an Advertise; the client picks the highest, and 255 means
 * "take this one now". An Advertise without it has preference 0 (section 18.2.9).
 */
public final class PreferenceOption {

    public static final int CODE = OptionCode.PREFERENCE;
    public static final int MAX = 255;

    private PreferenceOption() {
    }

    public static int decode(byte[] data) {
        if (data.length != 1) {
            throw new Dhcp6ParseException("PREFERENCE option: length must be 1, got " + data.length);
        }
        return data[0] & 0xff;
    }

    public static byte[] encode(int preference) {
        return new byte[] {(byte) preference};
    }
}
