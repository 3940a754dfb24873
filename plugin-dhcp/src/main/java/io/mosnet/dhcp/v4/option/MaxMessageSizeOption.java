package io.mosnet.dhcp.v4.option;

/**
 * Maximum DHCP message size, option 57 (RFC 2132 section 9.10): two bytes, at least 576. mosnet announces
 * {@link #ANNOUNCED} (a 1500-byte Ethernet frame less the IPv4 and UDP headers) and refuses anything bigger, so a
 * server never needs IP fragmentation to reach the client.
 */
public final class MaxMessageSizeOption {

    public static final int CODE = OptionCode.MAX_MESSAGE_SIZE;
    public static final int MIN = 576;
    public static final int ANNOUNCED = 1500 - 20 - 8;

    private MaxMessageSizeOption() {
    }

    public static int decode(byte[] data) {
        OptionBytes.requireLength(CODE, "maximum message size", data, 2);
        int size = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        if (size < MIN) {
            throw new DhcpParseException("option 57 (maximum message size): " + size + " is below " + MIN);
        }
        return size;
    }

    public static byte[] encode(int size) {
        return new byte[] {(byte) (size >>> 8), (byte) size};
    }
}
