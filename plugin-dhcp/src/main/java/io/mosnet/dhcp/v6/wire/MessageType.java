package io.mosnet.dhcp.v6.wire;

/** DHCPv6 message types (RFC 8415 section 7.3). */
public enum MessageType {
    SOLICIT(1), ADVERTISE(2), REQUEST(3), CONFIRM(4), RENEW(5), REBIND(6), REPLY(7), RELEASE(8), DECLINE(9),
    RECONFIGURE(10), INFORMATION_REQUEST(11), RELAY_FORW(12), RELAY_REPL(13);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MessageType of(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new Dhcp6ParseException("unknown DHCPv6 message type " + code);
    }
}
