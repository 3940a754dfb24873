package io.mosnet.dhcp.v6.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An ordered list of options as they appear in a message or inside an IA (RFC 8415 section 21.1: a 2-byte code, a
 * 2-byte length, then the data). Parsing only splits the list; each option type decodes its own data when asked.
 * The count is capped so that a 64 KB datagram of empty options cannot make a list of 16 000 entries.
 */
public final class Dhcp6Options {

    /** More options than any honest reply carries; beyond this the message is refused. */
    public static final int MAX_OPTIONS = 256;

    /** One option: its code and a copy of its data. */
    public record Option(int code, byte[] data) {
        public Option {
            if (code < 0 || code > 0xffff) {
                throw new IllegalArgumentException("an option code has 16 bits, got " + code);
            }
            if (data.length > 0xffff) {
                throw new IllegalArgumentException("option " + code + " has " + data.length
                        + " bytes, more than its 16-bit length can say");
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    private final List<Option> options;

    private Dhcp6Options(List<Option> options) {
        this.options = List.copyOf(options);
    }

    public static Dhcp6Options of(List<Option> options) {
        return new Dhcp6Options(options);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Splits {@code data} into options; {@code where} names the container in error messages. */
    public static Dhcp6Options parse(byte[] data, String where) {
        WireReader r = new WireReader(data, where);
        List<Option> list = new ArrayList<>();
        while (r.remaining() > 0) {
            if (r.remaining() < 4) {
                throw new Dhcp6ParseException(where + ": option header at offset " + r.position()
                        + " needs 4 bytes, " + r.remaining() + " left");
            }
            int code = r.u16("option code");
            int length = r.u16("option length");
            if (length > r.remaining()) {
                throw new Dhcp6ParseException(where + ": option " + code + " at offset " + (r.position() - 4)
                        + " says " + length + " bytes, " + r.remaining() + " left");
            }
            if (list.size() == MAX_OPTIONS) {
                throw new Dhcp6ParseException(where + ": more than " + MAX_OPTIONS + " options");
            }
            list.add(new Option(code, r.bytes(length, "option data")));
        }
        return new Dhcp6Options(list);
    }

    public List<Option> all() {
        return options;
    }

    public boolean has(int code) {
        return options.stream().anyMatch(o -> o.code() == code);
    }

    /** The data of the first option with this code. */
    public Optional<byte[]> first(int code) {
        return options.stream().filter(o -> o.code() == code).findFirst().map(Option::data);
    }

    /** The data of every option with this code, in order. */
    public List<byte[]> every(int code) {
        return options.stream().filter(o -> o.code() == code).map(Option::data).toList();
    }

    /** Decodes the first option with this code. */
    public <T> Optional<T> decode(int code, Function<byte[], T> decoder) {
        return first(code).map(decoder);
    }

    /** Decodes every option with this code. */
    public <T> List<T> decodeAll(int code, Function<byte[], T> decoder) {
        return every(code).stream().map(decoder).toList();
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Option o : options) {
            byte[] d = o.data();
            out.write(o.code() >>> 8);
            out.write(o.code());
            out.write(d.length >>> 8);
            out.write(d.length);
            out.writeBytes(d);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return options.stream().map(o -> o.code() + "(" + o.data.length + ")").toList().toString();
    }

    /** Collects options in the order they are to be sent. */
    public static final class Builder {
        private final List<Option> list = new ArrayList<>();

        public Builder add(int code, byte[] data) {
            list.add(new Option(code, data));
            return this;
        }

        public Dhcp6Options build() {
            return new Dhcp6Options(list);
        }
    }
}
