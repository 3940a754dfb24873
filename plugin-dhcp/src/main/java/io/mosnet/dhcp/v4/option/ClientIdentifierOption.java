package io.mosnet.dhcp.v4.option;

import io.mosnet.dhcp.duid.Duid;
import java.nio.ByteBuffer;

/**
 * Client identifier, option 61 (RFC 2132 section 9.14): a type byte and at least one byte of identifier. mosnet
 * sends the RFC 4361 section 6.1 form: type 255, a 4-byte IAID naming the interface, then a DUID naming the host.
 */
public final class ClientIdentifierOption {

    public static final int CODE = OptionCode.CLIENT_ID;
    /** RFC 4361 section 6.1: the type byte of an IAID+DUID identifier. */
    public static final int TYPE_IAID_DUID = 255;

    private ClientIdentifierOption() {
    }

    /** Checks the framing of a received identifier (servers echo it, RFC 6842) and returns it unchanged. */
    public static byte[] decode(byte[] data) {
        if (data.length < 2) {
            throw new DhcpParseException("option 61 (client identifier): length " + data.length + ", at least 2");
        }
        return data.clone();
    }

    public static byte[] encode(int iaid, Duid duid) {
        byte[] d = duid.toBytes();
        return ByteBuffer.allocate(5 + d.length).put((byte) TYPE_IAID_DUID).putInt(iaid).put(d).array();
    }
}
