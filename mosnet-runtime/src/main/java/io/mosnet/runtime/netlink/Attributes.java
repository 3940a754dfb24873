package io.mosnet.runtime.netlink;

import io.mosnet.api.net.IpAddresses;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decoded {@code struct rtattr} / {@code struct nlattr} list (4-byte header: length, type; payload padded to 4).
 * Lookups return the first attribute of a type; nested attributes are parsed on demand.
 */
final class Attributes {

    /** One attribute; the type has NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off. */
    record Attribute(int type, byte[] value) {
    }

    private static final int TYPE_MASK = 0x3fff;

    private final List<Attribute> list;

    private Attributes(List<Attribute> list) {
        this.list = list;
    }

    static Attributes parse(byte[] buf, int offset) {
        return parse(buf, offset, buf.length - offset);
    }

    static Attributes parse(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new MalformedMessageException("attribute area " + offset + "+" + length + " exceeds "
                    + buf.length + " bytes");
        }
        List<Attribute> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        int off = offset;
        int end = offset + length;
        while (end - off >= 4) {
            int len = b.getShort(off) & 0xffff;
            int type = b.getShort(off + 2) & TYPE_MASK;
            if (len < 4 || len > end - off) {
                throw new MalformedMessageException("attribute type " + type + " at offset " + off + " has length "
                        + len + ", " + (end - off) + " bytes remain");
            }
            byte[] v = new byte[len - 4];
            System.arraycopy(buf, off + 4, v, 0, v.length);
            out.add(new Attribute(type, v));
            off += NetlinkMessage.align(len);
        }
        return new Attributes(Collections.unmodifiableList(out));
    }

    List<Attribute> all() {
        return list;
    }

    byte[] bytes(int type) {
        for (Attribute a : list) {
            if (a.type() == type) {
                return a.value();
            }
        }
        return null;
    }

    boolean has(int type) {
        return bytes(type) != null;
    }

    /** A u32 attribute, or {@code fallback} when absent. */
    long u32(int type, long fallback) {
        byte[] v = bytes(type);
        if (v == null) {
            return fallback;
        }
        if (v.length < 4) {
            throw new MalformedMessageException("attribute " + type + " should hold a u32, has " + v.length + " bytes");
        }
        return ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt() & 0xffff_ffffL;
    }

    int int32(int type, int fallback) {
        return (int) u32(type, fallback & 0xffff_ffffL);
    }

    /** A NUL-terminated string attribute (the NUL is optional), or null when absent. */
    String string(int type) {
        byte[] v = bytes(type);
        if (v == null) {
            return null;
        }
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        return new String(v, 0, n, StandardCharsets.UTF_8);
    }

    /** An IPv4 or IPv6 address attribute, or null when absent. */
    InetAddress address(int type) {
        byte[] v = bytes(type);
        if (v == null) {
            return null;
        }
        if (v.length != 4 && v.length != 16) {
            throw new MalformedMessageException("attribute " + type + " should hold an IP address, has " + v.length
                    + " bytes");
        }
        return IpAddresses.of(v);
    }

    Attributes nested(int type) {
        byte[] v = bytes(type);
        return v == null ? new Attributes(List.of()) : parse(v, 0);
    }
}
