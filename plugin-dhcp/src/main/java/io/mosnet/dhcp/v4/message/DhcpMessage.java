package io.mosnet.dhcp.v4.message;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.LeaseTimeOption;
import io.mosnet.dhcp.v4.option.MaxMessageSizeOption;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.ServerIdOption;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One DHCPv4 message (RFC 2131 section 2, figure 1) on Ethernet: the fixed BOOTP header, the magic cookie and the
 * options. The {@code sname} and {@code file} fields are only read as overloaded option space; mosnet does not
 * network-boot.
 *
 * @param op        {@link #BOOTREQUEST} or {@link #BOOTREPLY}
 * @param xid       transaction id chosen by the client
 * @param secs      seconds since the client began the exchange
 * @param broadcast the BROADCAST flag (RFC 2131 section 4.1): reply by broadcast
 * @param ciaddr    client address, set only when the client is bound, renewing or rebinding
 * @param yiaddr    "your" address, the one offered or assigned
 * @param siaddr    next server (for booting), unused by mosnet
 * @param giaddr    relay agent address
 * @param chaddr    client hardware address
 * @param options   the options, RFC 3396 concatenation and option overload applied
 */
public record DhcpMessage(int op, int xid, int secs, boolean broadcast, Inet4Address ciaddr, Inet4Address yiaddr,
                          Inet4Address siaddr, Inet4Address giaddr, MacAddress chaddr, DhcpOptions options) {

    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    static final int SNAME_OFFSET = 44;
    static final int SNAME_LENGTH = 64;
    static final int FILE_OFFSET = 108;
    static final int FILE_LENGTH = 128;
    static final int COOKIE_OFFSET = 236;
    static final int OPTIONS_OFFSET = 240;
    /** 99.130.83.99 (RFC 2131 section 3, RFC 2132 section 2). */
    static final int MAGIC_COOKIE = 0x63825363;
    /** BOOTP's minimum message (RFC 1542 section 2.1): some relays drop shorter ones, so requests are padded. */
    static final int MIN_ENCODED = 300;
    /** The largest message accepted: what mosnet announces in option 57; a server must not send more. */
    public static final int MAX_MESSAGE = MaxMessageSizeOption.ANNOUNCED;

    public DhcpMessage {
        if (op != BOOTREQUEST && op != BOOTREPLY) {
            throw new IllegalArgumentException("op " + op + " is neither BOOTREQUEST nor BOOTREPLY");
        }
        ciaddr = ciaddr == null ? Ipv4.ANY : ciaddr;
        yiaddr = yiaddr == null ? Ipv4.ANY : yiaddr;
        siaddr = siaddr == null ? Ipv4.ANY : siaddr;
        giaddr = giaddr == null ? Ipv4.ANY : giaddr;
        options = options == null ? DhcpOptions.empty() : options;
    }

    /** Parses a UDP payload. Anything malformed, truncated or oversized throws {@link DhcpParseException}. */
    public static DhcpMessage parse(byte[] data) {
        if (data.length < OPTIONS_OFFSET) {
            throw new DhcpParseException("DHCP message of " + data.length + " bytes is shorter than the "
                    + OPTIONS_OFFSET + "-byte header and magic cookie");
        }
        if (data.length > MAX_MESSAGE) {
            throw new DhcpParseException("DHCP message of " + data.length + " bytes is larger than the "
                    + MAX_MESSAGE + " bytes announced in option 57");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        int op = b.get(0) & 0xff;
        if (op != BOOTREQUEST && op != BOOTREPLY) {
            throw new DhcpParseException("DHCP message op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)");
        }
        int htype = b.get(1) & 0xff;
        int hlen = b.get(2) & 0xff;
        if (htype != 1 || hlen != 6) {
            throw new DhcpParseException("DHCP message hardware type " + htype + " length " + hlen
                    + " is not Ethernet (1, 6)");
        }
        int cookie = b.getInt(COOKIE_OFFSET);
        if (cookie != MAGIC_COOKIE) {
            throw new DhcpParseException("DHCP magic cookie is 0x" + Integer.toHexString(cookie)
                    + ", expected 0x63825363");
        }
        DhcpOptions options = DhcpOptions.parse(data, OPTIONS_OFFSET, FILE_OFFSET, SNAME_OFFSET);
        return new DhcpMessage(op, b.getInt(4), b.getShort(8) & 0xffff, (b.getShort(10) & 0x8000) != 0,
                Ipv4.read(data, 12), Ipv4.read(data, 16), Ipv4.read(data, 20), Ipv4.read(data, 24),
                MacAddress.of(data, 28), options);
    }

    /** The wire form, padded to the BOOTP minimum of 300 bytes. */
    public byte[] encode() {
        byte[] opts = options.encode();
        ByteBuffer b = ByteBuffer.allocate(Math.max(MIN_ENCODED, OPTIONS_OFFSET + opts.length));
        b.put((byte) op).put((byte) 1).put((byte) 6).put((byte) 0);
        b.putInt(xid).putShort((short) secs).putShort((short) (broadcast ? 0x8000 : 0));
        b.put(ciaddr.getAddress()).put(yiaddr.getAddress()).put(siaddr.getAddress()).put(giaddr.getAddress());
        b.put(chaddr.toBytes());
        b.position(COOKIE_OFFSET);
        b.putInt(MAGIC_COOKIE);
        b.put(opts);
        return b.array();
    }

    /** The DHCP message type; a message without option 53 is plain BOOTP, which mosnet does not speak. */
    public MessageType type() {
        return options.decode(OptionCode.MESSAGE_TYPE, MessageType::decode)
                .orElseThrow(() -> new DhcpParseException("message has no option 53 (DHCP message type)"));
    }

    public Optional<Inet4Address> serverId() {
        return options.decode(OptionCode.SERVER_ID, ServerIdOption::decode);
    }

    /** Lease time in seconds, {@link LeaseTimeOption#INFINITE} for infinite. */
    public Optional<Long> leaseSeconds() {
        return options.decode(OptionCode.LEASE_TIME, LeaseTimeOption::decodeSeconds);
    }

    @Override
    public String toString() {
        String type = options.has(OptionCode.MESSAGE_TYPE) ? safeType() : "BOOTP";
        return type + " xid=0x" + Integer.toHexString(xid) + " chaddr=" + chaddr + " yiaddr="
                + yiaddr.getHostAddress() + " " + options;
    }

    private String safeType() {
        try {
            return type().name();
        } catch (DhcpParseException e) {
            return "malformed-type";
        }
    }
}
