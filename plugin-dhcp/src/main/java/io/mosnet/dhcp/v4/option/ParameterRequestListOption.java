package io.mosnet.dhcp.v4.option;

import java.util.ArrayList;
import java.util.List;

/** Parameter request list, option 55 (RFC 2132 section 9.8): the option codes the client wants, one byte each. */
public final class ParameterRequestListOption {

    public static final int CODE = OptionCode.PARAMETER_REQUEST_LIST;

    private ParameterRequestListOption() {
    }

    public static List<Integer> decode(byte[] data) {
        if (data.length == 0) {
            throw new DhcpParseException("option 55 (parameter request list): empty");
        }
        List<Integer> codes = new ArrayList<>(data.length);
        for (byte b : data) {
            codes.add(b & 0xff);
        }
        return List.copyOf(codes);
    }

    public static byte[] encode(List<Integer> codes) {
        byte[] out = new byte[codes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) codes.get(i);
        }
        return out;
    }
}
