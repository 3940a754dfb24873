package io.mosnet.dhcp.v4.option;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain search list, option 119 (RFC 3397 section 2): domain names in DNS wire form (RFC 1035 section 3.1) with
 * the message compression of RFC 1035 section 4.1.4, where pointers are offsets into the option's data after RFC
 * 3396 concatenation.
 *
 * <p>Decoding is bounded against hostile pointers: every pointer must jump strictly before the place the current
 * run of labels started, so the read position only ever moves back to fresh ground and a loop is impossible; a
 * name longer than 255 bytes is refused as well.
 */
public final class DomainSearchOption {

    public static final int CODE = OptionCode.DOMAIN_SEARCH;
    private static final int MAX_WIRE_NAME = 255;

    private DomainSearchOption() {
    }

    public static List<String> decode(byte[] data) {
        if (data.length == 0) {
            throw new DhcpParseException("option 119 (domain search): empty");
        }
        List<String> names = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int[] next = new int[1];
            names.add(readName(data, pos, next));
            pos = next[0];
        }
        return List.copyOf(names);
    }

    /** Reads the name at {@code start}; {@code next[0]} receives the offset just after its in-line part. */
    private static String readName(byte[] data, int start, int[] next) {
        StringBuilder name = new StringBuilder();
        int wireLength = 1;
        int pos = start;
        int runStart = start;
        int resume = -1;
        while (true) {
            if (pos >= data.length) {
                throw new DhcpParseException("option 119 (domain search): name at offset " + start
                        + " runs past the end of the option");
            }
            int len = data[pos] & 0xff;
            if (len == 0) {
                pos++;
                break;
            }
            int kind = len & 0xc0;
            if (kind == 0xc0) {
                if (pos + 1 >= data.length) {
                    throw new DhcpParseException("option 119 (domain search): compression pointer at offset " + pos
                            + " is cut off");
                }
                int target = ((len & 0x3f) << 8) | (data[pos + 1] & 0xff);
                if (target >= runStart) {
                    throw new DhcpParseException("option 119 (domain search): compression pointer at offset " + pos
                            + " to " + target + " does not point backwards (a loop)");
                }
                if (resume < 0) {
                    resume = pos + 2;
                }
                pos = target;
                runStart = target;
                continue;
            }
            if (kind != 0) {
                throw new DhcpParseException("option 119 (domain search): label type 0x" + Integer.toHexString(kind)
                        + " at offset " + pos + " is not a plain label or a pointer");
            }
            if (pos + 1 + len > data.length) {
                throw new DhcpParseException("option 119 (domain search): label at offset " + pos
                        + " runs past the end of the option");
            }
            wireLength += 1 + len;
            if (wireLength > MAX_WIRE_NAME) {
                throw new DhcpParseException("option 119 (domain search): name at offset " + start
                        + " is longer than " + MAX_WIRE_NAME + " bytes");
            }
            String label = new String(data, pos + 1, len, StandardCharsets.ISO_8859_1);
            DnsNames.requireLabel("option 119 (domain search)", label, label);
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(label);
            pos += 1 + len;
        }
        if (name.isEmpty()) {
            throw new DhcpParseException("option 119 (domain search): empty name at offset " + start);
        }
        next[0] = resume >= 0 ? resume : pos;
        return DnsNames.requireValid("option 119 (domain search)", name.toString());
    }

    /** Encodes the names, replacing every suffix already written by a pointer to it (RFC 1035 section 4.1.4). */
    public static byte[] encode(List<String> domains) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> written = new HashMap<>();
        for (String domain : domains) {
            String[] labels = DnsNames.requireValid("option 119 (domain search)", domain).split("\\.");
            boolean pointed = false;
            for (int i = 0; i < labels.length; i++) {
                String suffix = String.join(".", Arrays.copyOfRange(labels, i, labels.length));
                Integer at = written.get(suffix);
                if (at != null) {
                    out.write(0xc0 | (at >>> 8));
                    out.write(at & 0xff);
                    pointed = true;
                    break;
                }
                if (out.size() < 0x4000) {
                    written.put(suffix, out.size());
                }
                byte[] l = labels[i].getBytes(StandardCharsets.US_ASCII);
                out.write(l.length);
                out.write(l, 0, l.length);
            }
            if (!pointed) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }
}
