package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.rpc.JsonNumber;
import io.mosnet.runtime.rpc.PlainJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file read without Jackson, the mirror of {@link StateJsonWriter}: {@link PlainJson}'s tree made into a
 * {@link DaemonState} as {@link StateJson}'s mapper would make it, so that a restart does not load Jackson's classes
 * from the jars. Unknown members are ignored; a missing one is null (0 or false for a primitive) and the record's
 * constructor normalises it; scalars are coerced as Jackson coerces them by default (a number where text is expected
 * gives its text, {@code "1500"} an int, {@code 0}/{@code 1} a boolean, a number an instant in epoch seconds); free-form
 * maps hold Integer, Long, BigInteger, Double, Boolean, String, null, LinkedHashMap and ArrayList. Anything else is an
 * {@link InvalidStateException} naming the field path. {@code StateJsonReaderTest} holds this to Jackson.
 */
final class StateJsonReader {

    /** Jackson's own bound on a number's text (StreamReadConstraints): longer ones are refused, never parsed. */
    private static final int MAX_NUMBER_LENGTH = 1000;
    /** Instant's range is about ±3.2e16 seconds; a number with more integer digits is refused before BigDecimal
     * arithmetic on a hostile exponent ({@code 1e999999999}) can take its time. */
    private static final int MAX_EPOCH_SECOND_DIGITS = 18;

    private StateJsonReader() {
    }

    /** The state {@code document} (a {@link PlainJson} object) holds. */
    static DaemonState read(Map<?, ?> document) throws InvalidStateException {
        return object("", document, DaemonState.class, s -> new DaemonState(s.integer("schemaVersion"),
                s.string("mode"), s.string("phase"), s.string("nic"), s.string("bridge"), s.string("hostInterface"),
                s.string("backend"), s.strings("addresses"), s.list("routes", StateJsonReader::route),
                s.strings("dns"), s.strings("searchDomains"), s.map("leases", StateJsonReader::lease),
                s.strings("delegatedPrefixes"), s.freeForm("firewall"), s.freeForm("nat"),
                s.list("plugins", StateJsonReader::plugin), s.strings("problems"), s.freeForm("backendInfo"),
                s.instant("startedAt"), s.instant("updatedAt"), s.string("topology"),
                s.list("uplinks", StateJsonReader::uplink)));
    }

    private static RouteState route(String path, Object value) throws InvalidStateException {
        return object(path, value, RouteState.class, r -> new RouteState(r.string("destination"),
                r.string("gateway"), r.string("device"), r.bool("onlink")));
    }

    private static LeaseState lease(String path, Object value) throws InvalidStateException {
        return object(path, value, LeaseState.class, l -> new LeaseState(l.string("protocol"), l.string("state"),
                l.string("nic"), l.string("address"), l.string("gateway"), l.string("server"), l.strings("dns"),
                l.strings("domains"), l.strings("routes"), l.integer("mtu"), l.instant("obtainedAt"),
                l.instant("renewAt"), l.instant("rebindAt"), l.instant("expiresAt"), l.string("clientId")));
    }

    private static PluginInfo plugin(String path, Object value) throws InvalidStateException {
        return object(path, value, PluginInfo.class, p -> new PluginInfo(p.string("id"), p.string("kind"),
                p.string("version"), p.string("source")));
    }

    private static UplinkState uplink(String path, Object value) throws InvalidStateException {
        return object(path, value, UplinkState.class, u -> new UplinkState(u.string("bridge"), u.string("nic"),
                u.string("mode"), u.integer("vlan"), u.bool("defaultRoute"), u.strings("addresses")));
    }

    /** How one value becomes a T; {@code path} names it in errors. */
    @FunctionalInterface
    private interface Conversion<T> {
        T convert(String path, Object value) throws InvalidStateException;
    }

    /** How an object's members become a record. */
    @FunctionalInterface
    private interface Shape<T> {
        T make(Members members) throws InvalidStateException;
    }

    /** An object's members, read by name; each accessor names {@code path.name} in its errors. */
    private record Members(String path, Map<?, ?> values) {

        private String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        String string(String name) throws InvalidStateException {
            return StateJsonReader.string(at(name), values.get(name));
        }

        int integer(String name) throws InvalidStateException {
            return StateJsonReader.integer(at(name), values.get(name));
        }

        boolean bool(String name) throws InvalidStateException {
            return StateJsonReader.bool(at(name), values.get(name));
        }

        Instant instant(String name) throws InvalidStateException {
            return StateJsonReader.instant(at(name), values.get(name));
        }

        List<String> strings(String name) throws InvalidStateException {
            return list(name, StateJsonReader::string);
        }

        <T> List<T> list(String name, Conversion<T> element) throws InvalidStateException {
            return StateJsonReader.list(at(name), values.get(name), element);
        }

        <T> Map<String, T> map(String name, Conversion<T> value) throws InvalidStateException {
            return StateJsonReader.map(at(name), values.get(name), value);
        }

        Map<String, Object> freeForm(String name) throws InvalidStateException {
            return map(name, StateJsonReader::plain);
        }
    }

    private static <T> T object(String path, Object value, Class<T> type, Shape<T> shape)
            throws InvalidStateException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> members)) {
            throw mismatch(path, "an object", value);
        }
        try {
            return shape.make(new Members(path, members));
        } catch (RuntimeException e) {
            // The record's constructor refused a value: List.copyOf or Map.copyOf meeting a null, say.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InvalidStateException(where(path) + type.getSimpleName() + " refused its values: " + why, e);
        }
    }

    private static <T> List<T> list(String path, Object value, Conversion<T> element) throws InvalidStateException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw mismatch(path, "an array", value);
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(element.convert(path + "[" + i + "]", items.get(i)));
        }
        return out;
    }

    /** A map in document order, as Jackson's LinkedHashMap. */
    private static <T> Map<String, T> map(String path, Object value, Conversion<T> conversion)
            throws InvalidStateException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> members)) {
            throw mismatch(path, "an object", value);
        }
        Map<String, T> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : members.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, conversion.convert(path.isEmpty() ? key : path + "." + key, e.getValue()));
        }
        return out;
    }

    /** A free-form value as Jackson's untyped deserialiser gives it. */
    private static Object plain(String path, Object value) throws InvalidStateException {
        if (value instanceof JsonNumber n) {
            checkLength(path, n);
            if (!n.integral()) {
                return Double.parseDouble(n.text());
            }
            BigInteger big = new BigInteger(n.text());
            if (big.bitLength() < Integer.SIZE) {
                return big.intValue();
            }
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
        } else if (value instanceof Map<?, ?>) {
            return map(path, value, StateJsonReader::plain);
        } else if (value instanceof List<?>) {
            return list(path, value, StateJsonReader::plain);
        }
        return value;
    }

    /** Text; a number or boolean gives its text, as Jackson coerces scalars. */
    private static String string(String path, Object value) throws InvalidStateException {
        if (value == null || value instanceof String) {
            return (String) value;
        } else if (value instanceof JsonNumber || value instanceof Boolean) {
            return value.toString();
        }
        throw mismatch(path, "a string", value);
    }

    /**
     * An int: an integral number in range, a fractional one truncated (Jackson's ACCEPT_FLOAT_AS_INT), or text that
     * holds one; null and missing give 0 (FAIL_ON_NULL_FOR_PRIMITIVES is off).
     */
    private static int integer(String path, Object value) throws InvalidStateException {
        if (value == null) {
            return 0;
        }
        if (value instanceof JsonNumber n) {
            checkLength(path, n);
            if (n.integral()) {
                BigInteger big = new BigInteger(n.text());
                if (big.bitLength() < Integer.SIZE) {
                    return big.intValue();
                }
            } else {
                double d = Double.parseDouble(n.text());
                if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            }
            throw mismatch(path, "an integer that fits in 32 bits", value);
        }
        if (value instanceof String s) {
            String text = s.trim();
            if (text.isEmpty() || text.equals("null")) {
                return 0;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw mismatch(path, "an integer", value);
            }
        }
        throw mismatch(path, "an integer", value);
    }

    /** A boolean: true/false, an integer (0 is false), or its text in Jackson's three spellings. */
    private static boolean bool(String path, Object value) throws InvalidStateException {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof JsonNumber n && n.integral()) {
            checkLength(path, n);
            return new BigInteger(n.text()).signum() != 0;
        } else if (value instanceof String s) {
            switch (s.trim()) {
                case "true", "True", "TRUE" -> {
                    return true;
                }
                case "false", "False", "FALSE", "", "null" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw mismatch(path, "true or false", value);
    }

    /**
     * ISO-8601 text ({@link Instant#parse}), or epoch seconds with an optional fraction, as a number or as text (which
     * Jackson's InstantDeserializer also takes); blank text is null.
     */
    private static Instant instant(String path, Object value) throws InvalidStateException {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            String text = s.trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.length() <= MAX_NUMBER_LENGTH && isDecimal(text)) {
                try {
                    return epochSeconds(path, new BigDecimal(text), value);
                } catch (NumberFormatException notANumberAfterAll) {
                    // "-" or "." alone: refused by Instant.parse below, as by Jackson
                }
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                throw mismatch(path, "an ISO-8601 instant", value);
            }
        }
        if (value instanceof JsonNumber n) {
            checkLength(path, n);
            try {
                return epochSeconds(path, new BigDecimal(n.text()), value);
            } catch (NumberFormatException e) {
                throw mismatch(path, "epoch seconds within Instant's range", value); // an exponent beyond an int
            }
        }
        throw mismatch(path, "an ISO-8601 instant", value);
    }

    /** Digits with at most one dot and an optional leading minus: what Jackson tries as epoch seconds in text. */
    private static boolean isDecimal(String text) {
        int dots = 0;
        for (int i = text.startsWith("-") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots <= 1;
    }

    private static Instant epochSeconds(String path, BigDecimal seconds, Object value) throws InvalidStateException {
        if (seconds.precision() - seconds.scale() <= MAX_EPOCH_SECOND_DIGITS) {
            try {
                long whole = seconds.longValue();
                int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                return Instant.ofEpochSecond(whole, nanos);
            } catch (DateTimeException e) {
                // beyond Instant's range: refused below
            }
        }
        throw mismatch(path, "epoch seconds within Instant's range", value);
    }

    private static void checkLength(String path, JsonNumber n) throws InvalidStateException {
        if (n.text().length() > MAX_NUMBER_LENGTH) {
            throw new InvalidStateException(where(path) + "number of " + n.text().length()
                    + " characters, longer than the " + MAX_NUMBER_LENGTH + " allowed");
        }
    }

    private static InvalidStateException mismatch(String path, String expected, Object got) {
        return new InvalidStateException(where(path) + "expected " + expected + ", got " + describe(got));
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** The offending value, briefly: a hostile file must not flood the log. */
    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        } else if (value instanceof List<?>) {
            return "an array";
        } else if (value instanceof String s) {
            return "\"" + clip(s) + "\"";
        }
        return clip(String.valueOf(value));
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
