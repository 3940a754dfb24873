package io.mosnet.dhcp.v6.wire;

import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.DuidParseException;

/** Client Identifier option (RFC 8415 section 21.2): the client's DUID. */
public final class ClientIdOption {

    public static final int CODE = OptionCode.CLIENTID;

    private ClientIdOption() {
    }

    public static Duid decode(byte[] data) {
        try {
            return Duid.parse(data);
        } catch (DuidParseException e) {
            throw new Dhcp6ParseException(e.getMessage(), e);
        }
    }

    public static byte[] encode(Duid duid) {
        return duid.toBytes();
    }
}
