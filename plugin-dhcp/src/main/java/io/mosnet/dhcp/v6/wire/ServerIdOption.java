package io.mosnet.dhcp.v6.wire;

/** Server Identifier option (RFC 8415 section 21.3): the server's DUID, echoed in Request and Renew. */
public final class ServerIdOption {

    public static final int CODE = OptionCode.SERVERID;

    private ServerIdOption() {
    }

    public static Duid decode(byte[] data) {
        return Duid.parse(data);
    }

    public static byte[] encode(Duid duid) {
        return duid.toBytes();
    }
}
