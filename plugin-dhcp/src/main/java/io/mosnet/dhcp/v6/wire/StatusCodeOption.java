package io.mosnet.dhcp.v6.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Status Code option (RFC 8415 section 21.13): a 2-byte code and a UTF-8 message for humans. The message comes
 * from the network, so control characters are replaced and its length is capped before it can reach a log.
 *
 * @param code    the status code
 * @param message the server's text, cleaned
 */
public record StatusCodeOption(int code, String message) {

    public static final int CODE = OptionCode.STATUS_CODE;

    /** Status codes (section 21.13). */
    public static final int SUCCESS = 0;
    public static final int UNSPEC_FAIL = 1;
    public static final int NO_ADDRS_AVAIL = 2;
    public static final int NO_BINDING = 3;
    public static final int NOT_ON_LINK = 4;
    public static final int USE_MULTICAST = 5;
    public static final int NO_PREFIX_AVAIL = 6;

    private static final int MAX_MESSAGE = 200;

    public static StatusCodeOption decode(byte[] data) {
        WireReader r = new WireReader(data, "STATUS_CODE option");
        int code = r.u16("status-code");
        return new StatusCodeOption(code, clean(new String(r.rest(), StandardCharsets.UTF_8)));
    }

    public byte[] encode() {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array();
    }

    public boolean isSuccess() {
        return code == SUCCESS;
    }

    /** The RFC's name of the code. */
    public String name() {
        return switch (code) {
            case SUCCESS -> "Success";
            case UNSPEC_FAIL -> "UnspecFail";
            case NO_ADDRS_AVAIL -> "NoAddrsAvail";
            case NO_BINDING -> "NoBinding";
            case NOT_ON_LINK -> "NotOnLink";
            case USE_MULTICAST -> "UseMulticast";
            case NO_PREFIX_AVAIL -> "NoPrefixAvail";
            default -> "status " + code;
        };
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_MESSAGE));
        s.codePoints().limit(MAX_MESSAGE).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    @Override
    public String toString() {
        return message.isEmpty() ? name() : name() + " (" + message + ")";
    }
}
