package io.mosnet.dhcp.v6.wire;

import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.DuidParseException;

/** Server Identifier option (RFC 8415 section 21.3): the server's DUID, echoed in Request and Renew. */
public final class ServerIdOption {

    public static final int CODE = OptionCode.SERVERID;

    private ServerIdOption() {
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
