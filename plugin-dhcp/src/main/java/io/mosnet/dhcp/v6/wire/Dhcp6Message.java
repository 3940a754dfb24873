package io.mosnet.dhcp.v6.wire;

import java.util.HexFormat;

/**
 * A client/server message (RFC 8415 section 8): the message type, a 24-bit transaction id and the options. Relay
 * messages have another header and never reach a client, so they are refused here.
 *
 * @param type          the message type
 * @param transactionId 0 to 0xffffff
 * @param options       the top-level options
 */
public record Dhcp6Message(MessageType type, int transactionId, Dhcp6Options options) {

    /** Larger than any UDP payload over IPv6 without jumbograms; a bigger buffer is not a DHCPv6 message. */
    public static final int MAX_SIZE = 65_527;

    public Dhcp6Message {
        if (transactionId < 0 || transactionId > 0xff_ffff) {
            throw new IllegalArgumentException("a transaction id has 24 bits, got " + transactionId);
        }
    }

    public static Dhcp6Message parse(byte[] data) {
        if (data == null) {
            throw new Dhcp6ParseException("no data");
        }
        if (data.length > MAX_SIZE) {
            throw new Dhcp6ParseException("a DHCPv6 message is at most " + MAX_SIZE + " bytes, got " + data.length);
        }
        WireReader r = new WireReader(data, "DHCPv6 message");
        int code = r.u8("msg-type");
        MessageType type = MessageType.of(code);
        if (type == MessageType.RELAY_FORW || type == MessageType.RELAY_REPL) {
            throw new Dhcp6ParseException("relay message " + type + " is not for a client");
        }
        int xid = (r.u16("transaction-id") << 8) | r.u8("transaction-id");
        return new Dhcp6Message(type, xid, Dhcp6Options.parse(r.rest(), type + " options"));
    }

    public byte[] encode() {
        byte[] opts = options.encode();
        byte[] out = new byte[4 + opts.length];
        out[0] = (byte) type.code();
        out[1] = (byte) (transactionId >>> 16);
        out[2] = (byte) (transactionId >>> 8);
        out[3] = (byte) transactionId;
        System.arraycopy(opts, 0, out, 4, opts.length);
        return out;
    }

    public String transactionIdHex() {
        return HexFormat.of().toHexDigits(transactionId).substring(2);
    }

    @Override
    public String toString() {
        return type + " xid " + transactionIdHex() + " " + options;
    }
}
