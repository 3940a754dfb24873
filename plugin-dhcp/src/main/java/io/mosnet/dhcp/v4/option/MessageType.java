package io.mosnet.dhcp.v4.option;

/** DHCP message type, option 53 (RFC 2132 section 9.6): one byte, 1-8. */
public enum MessageType {
    DISCOVER(1), OFFER(2), REQUEST(3), DECLINE(4), ACK(5), NAK(6), RELEASE(7), INFORM(8);

    public static final int CODE = OptionCode.MESSAGE_TYPE;

    private final int value;

    MessageType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static MessageType decode(byte[] data) {
        OptionBytes.requireLength(CODE, "DHCP message type", data, 1);
        int v = data[0] & 0xff;
        for (MessageType t : values()) {
            if (t.value == v) {
                return t;
            }
        }
        throw new DhcpParseException("option 53 (DHCP message type): unknown type " + v);
    }

    public byte[] encode() {
        return new byte[] {(byte) value};
    }
}
