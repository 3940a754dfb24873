package io.mosnet.dhcp.v6.wire;

import io.mosnet.dhcp.duid.Duid;

/** Server Identifier option (RFC 8415 section 21.3): the server's DUID, echoed in Request and Renew. */
public final class ServerIdOption {

    public static final int CODE = OptionCode.SERVERID;

    private ServerIdOption() {
    }

    /** Reads the DUID as {@link ClientIdOption} does: both options carry nothing else. */
    public static Duid decode(byte[] data) {
        return ClientIdOption.decode(data);
    }

    public static byte[] encode(Duid duid) {
        return duid.toBytes();
    }
}
