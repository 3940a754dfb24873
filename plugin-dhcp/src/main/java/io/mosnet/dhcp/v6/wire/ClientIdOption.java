package io.mosnet.dhcp.v6.wire;

/** Client Identifier option (RFC 8415 section 21.2): the client's DUID. */
public final class ClientIdOption {

    public static final int CODE = OptionCode.CLIENTID;

    private ClientIdOption() {
    }

    public static Duid decode(byte[] data) {
        return Duid.parse(data);
    }

    public static byte[] encode(Duid duid) {
        return duid.toBytes();
    }
}
