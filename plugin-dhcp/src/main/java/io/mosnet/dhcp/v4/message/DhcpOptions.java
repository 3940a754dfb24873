package io.mosnet.dhcp.v4.message;

import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.OverloadOption;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The options of one message as code to data, in the order first seen. Repeated instances of a code are
 * concatenated (RFC 3396 section 5) across the options field and, with option overload (RFC 2131 section 4.1, RFC
 * 2132 section 9.3), the {@code file} and {@code sname} fields in that order. Typed values come from the option
 * classes through {@link #decode}; the framing itself is checked here.
 */
public final class DhcpOptions {

    private static final DhcpOptions EMPTY = new DhcpOptions(new LinkedHashMap<>());

    private final Map<Integer, byte[]> options;

    private DhcpOptions(LinkedHashMap<Integer, byte[]> options) {
        this.options = options;
    }

    public static DhcpOptions empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses the options area, then the {@code file} and {@code sname} fields if option 52 says they are overloaded.
     */
    static DhcpOptions parse(byte[] message, int optionsStart, int fileStart, int snameStart) {
        LinkedHashMap<Integer, byte[]> map = new LinkedHashMap<>();
        parseArea(message, optionsStart, message.length, "options field", true, map);
        byte[] overload = map.get(OptionCode.OVERLOAD);
        if (overload != null) {
            int which = OverloadOption.decode(overload);
            if ((which & OverloadOption.FILE) != 0) {
                parseArea(message, fileStart, fileStart + DhcpMessage.FILE_LENGTH, "file field", false, map);
            }
            if ((which & OverloadOption.SNAME) != 0) {
                parseArea(message, snameStart, snameStart + DhcpMessage.SNAME_LENGTH, "sname field", false, map);
            }
        }
        return new DhcpOptions(map);
    }

    private static void parseArea(byte[] buf, int from, int to, String area, boolean overloadAllowed,
                                  LinkedHashMap<Integer, byte[]> map) {
        int i = from;
        while (i < to) {
            int code = buf[i] & 0xff;
            if (code == OptionCode.PAD) {
                i++;
                continue;
            }
            if (code == OptionCode.END) {
                return;
            }
            if (i + 1 >= to) {
                throw new DhcpParseException("option " + code + " at offset " + (i - from) + " of the " + area
                        + " has no length byte");
            }
            int len = buf[i + 1] & 0xff;
            if (i + 2 + len > to) {
                throw new DhcpParseException("option " + code + " at offset " + (i - from) + " of the " + area
                        + " claims " + len + " bytes but only " + (to - i - 2) + " remain");
            }
            if (code == OptionCode.OVERLOAD && !overloadAllowed) {
                throw new DhcpParseException("option 52 (option overload) inside the " + area
                        + " (RFC 2132 section 9.3 allows it only in the options field)");
            }
            byte[] data = new byte[len];
            System.arraycopy(buf, i + 2, data, 0, len);
            map.merge(code, data, DhcpOptions::concat);
            i += 2 + len;
        }
        // A missing End option is tolerated: the area simply ends, as in many real servers' replies.
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public boolean has(int code) {
        return options.containsKey(code);
    }

    /** The raw (concatenated) data of an option. */
    public Optional<byte[]> raw(int code) {
        byte[] d = options.get(code);
        return d == null ? Optional.empty() : Optional.of(d.clone());
    }

    /** Decodes an option with one of the option classes' decoders; their {@link DhcpParseException} passes through. */
    public <T> Optional<T> decode(int code, Function<byte[], T> decoder) {
        byte[] d = options.get(code);
        return d == null ? Optional.empty() : Optional.of(decoder.apply(d.clone()));
    }

    public Set<Integer> codes() {
        return Collections.unmodifiableSet(options.keySet());
    }

    /** The options field: each option, split into 255-byte instances when longer (RFC 3396 section 6), then End. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : options.entrySet()) {
            byte[] d = e.getValue();
            int off = 0;
            do {
                int n = Math.min(255, d.length - off);
                out.write(e.getKey());
                out.write(n);
                out.write(d, off, n);
                off += n;
            } while (off < d.length);
        }
        out.write(OptionCode.END);
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "options" + options.keySet();
    }

    /** Builds the options of an outgoing message; a code put twice replaces the first. */
    public static final class Builder {

        private final LinkedHashMap<Integer, byte[]> map = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(int code, byte[] data) {
            if (code <= OptionCode.PAD || code >= OptionCode.END) {
                throw new IllegalArgumentException("option code " + code + " is reserved");
            }
            map.put(code, data.clone());
            return this;
        }

        public DhcpOptions build() {
            return new DhcpOptions(new LinkedHashMap<>(map));
        }
    }
}
