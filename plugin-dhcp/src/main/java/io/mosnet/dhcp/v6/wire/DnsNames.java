package io.mosnet.dhcp.v6.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain names in DNS wire form (RFC 1035 section 3.1) as DHCPv6 carries them (RFC 8415 section 10). Senders must
 * not compress them, but some do, so pointers (RFC 1035 section 4.1.4) are followed with three guards: a pointer
 * must point strictly backwards, at most {@link #MAX_JUMPS} are followed per name, and a name stops at 255 bytes.
 * Together these make every loop end in {@link Dhcp6ParseException} instead of spinning.
 *
 * <p>Labels are limited to letters, digits, hyphen and underscore: the names end up in resolv.conf, where a space
 * or newline from a hostile server would add entries of its own.
 */
public final class DnsNames {

    public static final int MAX_NAMES = 32;
    static final int MAX_JUMPS = 16;
    private static final int MAX_NAME = 255;
    private static final int MAX_LABEL = 63;

    private DnsNames() {
    }

    /** Reads consecutive names filling {@code data}; the root name is skipped, at most {@link #MAX_NAMES} kept. */
    public static List<String> decodeList(byte[] data, String what) {
        List<String> names = new ArrayList<>();
        int position = 0;
        while (position < data.length && names.size() < MAX_NAMES) {
            int[] next = new int[1];
            String name = decode(data, position, next, what);
            if (!name.isEmpty()) {
                names.add(name);
            }
            position = next[0];
        }
        return names;
    }

    /** Reads one name at {@code start}; {@code next[0]} receives the offset after it in the original data. */
    static String decode(byte[] data, int start, int[] next, String what) {
        StringBuilder name = new StringBuilder();
        int p = start;
        int end = -1;
        int jumps = 0;
        int wireLength = 1;
        while (true) {
            if (p >= data.length) {
                throw new Dhcp6ParseException(what + ": name at offset " + start + " runs past the end ("
                        + data.length + " bytes)");
            }
            int b = data[p] & 0xff;
            if (b == 0) {
                if (end < 0) {
                    end = p + 1;
                }
                break;
            }
            if ((b & 0xc0) == 0xc0) {
                if (p + 1 >= data.length) {
                    throw new Dhcp6ParseException(what + ": compression pointer at offset " + p + " is cut off");
                }
                int target = ((b & 0x3f) << 8) | (data[p + 1] & 0xff);
                if (target >= p) {
                    throw new Dhcp6ParseException(what + ": compression pointer at offset " + p + " to " + target
                            + " does not point backwards (a compression loop)");
                }
                if (++jumps > MAX_JUMPS) {
                    throw new Dhcp6ParseException(what + ": name at offset " + start + " follows more than "
                            + MAX_JUMPS + " compression pointers (a compression loop)");
                }
                if (end < 0) {
                    end = p + 2;
                }
                p = target;
                continue;
            }
            if ((b & 0xc0) != 0) {
                throw new Dhcp6ParseException(what + ": label type 0x" + Integer.toHexString(b & 0xc0)
                        + " at offset " + p + " is reserved");
            }
            if (p + 1 + b > data.length) {
                throw new Dhcp6ParseException(what + ": label of " + b + " bytes at offset " + p
                        + " runs past the end (" + data.length + " bytes)");
            }
            wireLength += 1 + b;
            if (wireLength > MAX_NAME) {
                throw new Dhcp6ParseException(what + ": name at offset " + start + " is longer than " + MAX_NAME
                        + " bytes (or a compression loop)");
            }
            for (int i = p + 1; i <= p + b; i++) {
                int c = data[i] & 0xff;
                if (!isNameChar(c)) {
                    throw new Dhcp6ParseException(what + ": byte 0x" + Integer.toHexString(c) + " at offset " + i
                            + " is not allowed in a host name");
                }
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(data, p + 1, b, StandardCharsets.US_ASCII));
            p += 1 + b;
        }
        next[0] = end;
        return name.toString();
    }

    private static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** Encodes names uncompressed, as RFC 8415 section 10 asks; throws on a label that cannot be sent. */
    public static byte[] encodeList(List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String n : names) {
            String trimmed = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
            int total = 1;
            if (!trimmed.isEmpty()) {
                for (String label : trimmed.split("\\.", -1)) {
                    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
                    if (l.length == 0 || l.length > MAX_LABEL || !label.chars().allMatch(DnsNames::isNameChar)) {
                        throw new IllegalArgumentException("'" + n + "' is not a domain name that can be encoded");
                    }
                    total += 1 + l.length;
                    out.write(l.length);
                    out.writeBytes(l);
                }
            }
            if (total > MAX_NAME) {
                throw new IllegalArgumentException("'" + n + "' is longer than " + MAX_NAME + " bytes");
            }
            out.write(0);
        }
        return out.toByteArray();
    }
}
