package io.mosnet.dhcp.v6.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Option Request option (RFC 8415 section 21.7): the codes of the options the client wants, 2 bytes each. */
public record OptionRequestOption(List<Integer> codes) {

    public static final int CODE = OptionCode.ORO;

    public OptionRequestOption {
        codes = List.copyOf(codes);
    }

    public static OptionRequestOption of(Integer... codes) {
        return new OptionRequestOption(List.of(codes));
    }

    public static OptionRequestOption decode(byte[] data) {
        if (data.length % 2 != 0) {
            throw new Dhcp6ParseException("ORO option: length " + data.length + " is not a multiple of 2");
        }
        WireReader r = new WireReader(data, "ORO option");
        List<Integer> codes = new ArrayList<>(data.length / 2);
        while (r.remaining() > 0) {
            codes.add(r.u16("requested-option-code"));
        }
        return new OptionRequestOption(codes);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(2 * codes.size());
        codes.forEach(c -> b.putShort((short) (int) c));
        return b.array();
    }
}
