package io.mosnet.dhcp.v4.option;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Classless static routes, option 121 (RFC 3442 section 3): a sequence of (width, significant destination octets,
 * router). Width is 0-32 and ceil(width/8) octets of destination follow; bits past the width must be ignored, so
 * they are cleared. When the option is present a client ignores option 3 (RFC 3442 section 3 last paragraph).
 */
public final class ClasslessRoutesOption {

    public static final int CODE = OptionCode.CLASSLESS_ROUTES;

    private ClasslessRoutesOption() {
    }

    public static List<ClasslessRoute> decode(byte[] data) {
        if (data.length < 5) {
            throw new DhcpParseException("option 121 (classless static routes): length " + data.length
                    + ", at least 5");
        }
        List<ClasslessRoute> routes = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int width = data[i] & 0xff;
            if (width > 32) {
                throw new DhcpParseException("option 121 (classless static routes): prefix length " + width
                        + " at offset " + i + " is over 32");
            }
            int octets = (width + 7) / 8;
            if (i + 1 + octets + 4 > data.length) {
                throw new DhcpParseException("option 121 (classless static routes): route /" + width
                        + " at offset " + i + " runs past the end of the option (" + data.length + " bytes)");
            }
            byte[] dest = new byte[4];
            System.arraycopy(data, i + 1, dest, 0, octets);
            int bits = Ipv4.bits(Ipv4.of(dest));
            bits &= width == 0 ? 0 : -1 << (32 - width);
            routes.add(new ClasslessRoute(Ipv4.of(bits), width, Ipv4.read(data, i + 1 + octets)));
            i += 1 + octets + 4;
        }
        return List.copyOf(routes);
    }

    public static byte[] encode(List<ClasslessRoute> routes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ClasslessRoute r : routes) {
            out.write(r.prefixLength());
            out.write(r.destination().getAddress(), 0, (r.prefixLength() + 7) / 8);
            out.write(r.router().getAddress(), 0, 4);
        }
        return out.toByteArray();
    }
}
