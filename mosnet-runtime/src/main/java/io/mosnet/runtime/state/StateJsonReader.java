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
    /**
     * Instant's range is about ±3.2e16 seconds: a number with more integer digits is refused before BigDecimal
     * arithmetic on a hostile exponent ({@code 1e999999999}) can take its time.
     */
    private static final int MAX_EPOCH_SECOND_DIGITS = 18;

    private StateJsonReader() {
    }

    /** The state {@code document} (a {@link PlainJson} object) holds. */
    static DaemonState read(Map<?, ?> document) throws InvalidStateException {
        return STATE.convert(At.ROOT, document);
    }

    /*
     * The conversions are classes rather than lambdas or method references: spinning a lambda's class at its first
     * call costs a cold daemon about half a millisecond each, together more than the rest of reading the file.
     */

    private static final Shape<RouteState> ROUTE = new Shape<>(RouteState.class) {
        @Override
        RouteState make(Members r) throws InvalidStateException {
            return new RouteState(r.string("destination"), r.string("gateway"), r.string("device"), r.bool("onlink"));
        }
    };

    private static final Shape<LeaseState> LEASE = new Shape<>(LeaseState.class) {
        @Override
        LeaseState make(Members l) throws InvalidStateException {
            return new LeaseState(l.string("protocol"), l.string("state"), l.string("nic"), l.string("address"),
                    l.string("gateway"), l.string("server"), l.strings("dns"), l.strings("domains"),
                    l.strings("routes"), l.integer("mtu"), l.instant("obtainedAt"), l.instant("renewAt"),
                    l.instant("rebindAt"), l.instant("expiresAt"), l.string("clientId"));
        }
    };

    private static final Shape<PluginInfo> PLUGIN = new Shape<>(PluginInfo.class) {
        @Override
        PluginInfo make(Members p) throws InvalidStateException {
            return new PluginInfo(p.string("id"), p.string("kind"), p.string("version"), p.string("source"));
        }
    };

    private static final Shape<UplinkState> UPLINK = new Shape<>(UplinkState.class) {
        @Override
        UplinkState make(Members u) throws InvalidStateException {
            return new UplinkState(u.string("bridge"), u.string("nic"), u.string("mode"), u.integer("vlan"),
                    u.bool("defaultRoute"), u.strings("addresses"));
        }
    };

    private static final Shape<DaemonState> STATE = new Shape<>(DaemonState.class) {
        @Override
        DaemonState make(Members s) throws InvalidStateException {
            return new DaemonState(s.integer("schemaVersion"), s.string("mode"), s.string("phase"), s.string("nic"),
                    s.string("bridge"), s.string("hostInterface"), s.string("backend"), s.strings("addresses"),
                    s.list("routes", ROUTE), s.strings("dns"), s.strings("searchDomains"), s.map("leases", LEASE),
                    s.strings("delegatedPrefixes"), s.freeForm("firewall"), s.freeForm("nat"),
                    s.list("plugins", PLUGIN), s.strings("problems"), s.freeForm("backendInfo"),
                    s.instant("startedAt"), s.instant("updatedAt"), s.string("topology"), s.list("uplinks", UPLINK));
        }
    };

    private static final Conversion<String> STRING = new Conversion<>() {
        @Override
        String convert(At at, Object value) throws InvalidStateException {
            return string(at, value);
        }
    };

    private static final Conversion<Object> PLAIN = new Conversion<>() {
        @Override
        Object convert(At at, Object value) throws InvalidStateException {
            return plain(at, value);
        }
    };

    /** How one value becomes a T; {@code at} names it in errors. */
    private abstract static class Conversion<T> {
        abstract T convert(At at, Object value) throws InvalidStateException;
    }

    /** A record made from an object's members; null stays null. */
    private abstract static class Shape<T> extends Conversion<T> {

        private final Class<T> type;

        Shape(Class<T> type) {
            this.type = type;
        }

        abstract T make(Members members) throws InvalidStateException;

        @Override
        final T convert(At at, Object value) throws InvalidStateException {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> members)) {
                throw mismatch(at, "an object", value);
            }
            try {
                return make(new Members(at, members));
            } catch (RuntimeException e) {
                // The record's constructor refused a value: List.copyOf or Map.copyOf meeting a null, say.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new InvalidStateException(where(at) + type.getSimpleName() + " refused its values: " + why, e);
            }
        }
    }

    /**
     * Where a value sits in the document ({@code leases.eth0.mtu}, {@code routes[1]}), spelled out only for an error:
     * concatenating paths for every member would cost a cold start more than the rest of the reading.
     */
    private record At(At parent, String name, int index) {

        static final At ROOT = new At(null, null, -1);

        At member(String member) {
            return new At(this, member, -1);
        }

        At element(int i) {
            return new At(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            StringBuilder s = new StringBuilder(parent.toString());
            if (name == null) {
                return s.append('[').append(index).append(']').toString();
            }
            return (s.isEmpty() ? s : s.append('.')).append(name).toString();
        }
    }

    /** An object's members, read by name; each accessor names {@code at.name} in its errors. */
    private record Members(At at, Map<?, ?> values) {

        String string(String name) throws InvalidStateException {
            return StateJsonReader.string(at.member(name), values.get(name));
        }

        int integer(String name) throws InvalidStateException {
            return StateJsonReader.integer(at.member(name), values.get(name));
        }

        boolean bool(String name) throws InvalidStateException {
            return StateJsonReader.bool(at.member(name), values.get(name));
        }

        Instant instant(String name) throws InvalidStateException {
            return StateJsonReader.instant(at.member(name), values.get(name));
        }

        List<String> strings(String name) throws InvalidStateException {
            return list(name, STRING);
        }

        <T> List<T> list(String name, Conversion<T> element) throws InvalidStateException {
            return StateJsonReader.list(at.member(name), values.get(name), element);
        }

        <T> Map<String, T> map(String name, Conversion<T> value) throws InvalidStateException {
            return StateJsonReader.map(at.member(name), values.get(name), value);
        }

        Map<String, Object> freeForm(String name) throws InvalidStateException {
            return map(name, PLAIN);
        }
    }

    private static <T> List<T> list(At at, Object value, Conversion<T> element) throws InvalidStateException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw mismatch(at, "an array", value);
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(element.convert(at.element(i), items.get(i)));
        }
        return out;
    }

    /** A map in document order, as Jackson's LinkedHashMap. */
    private static <T> Map<String, T> map(At at, Object value, Conversion<T> conversion)
            throws InvalidStateException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> members)) {
            throw mismatch(at, "an object", value);
        }
        Map<String, T> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : members.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, conversion.convert(at.member(key), e.getValue()));
        }
        return out;
    }

    /** A free-form value as Jackson's untyped deserialiser gives it. */
    private static Object plain(At at, Object value) throws InvalidStateException {
        if (value instanceof JsonNumber n) {
            checkLength(at, n);
            return n.integral() ? integral(n.text()) : (Object) Double.parseDouble(n.text());
        } else if (value instanceof Map<?, ?>) {
            return map(at, value, PLAIN);
        } else if (value instanceof List<?>) {
            return list(at, value, PLAIN);
        }
        return value;
    }

    /**
     * An integer as Integer, Long or BigInteger, the narrowest that holds it, as Jackson gives it; BigInteger only
     * beyond a long, so that the usual state file does not load it.
     */
    private static Number integral(String text) {
        if (text.length() <= 18) {
            long v = Long.parseLong(text);
            return v == (int) v ? (Number) (int) v : (Number) v;
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < Long.SIZE ? (Number) big.longValue() : big;
    }

    /** Text; a number or boolean gives its text, as Jackson coerces scalars. */
    private static String string(At at, Object value) throws InvalidStateException {
        if (value == null || value instanceof String) {
            return (String) value;
        } else if (value instanceof JsonNumber || value instanceof Boolean) {
            return value.toString();
        }
        throw mismatch(at, "a string", value);
    }

    /**
     * An int: an integral number in range, a fractional one truncated (Jackson's ACCEPT_FLOAT_AS_INT), or text that
     * holds one; null and missing give 0 (FAIL_ON_NULL_FOR_PRIMITIVES is off).
     */
    private static int integer(At at, Object value) throws InvalidStateException {
        if (value == null) {
            return 0;
        }
        if (value instanceof JsonNumber n) {
            checkLength(at, n);
            if (n.integral()) {
                // An integer of 12 characters or more has at least 11 digits (JSON has no leading zeros).
                long v = n.text().length() < 12 ? Long.parseLong(n.text()) : Long.MAX_VALUE;
                if (v == (int) v) {
                    return (int) v;
                }
            } else {
                double d = Double.parseDouble(n.text());
                if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            }
            throw mismatch(at, "an integer that fits in 32 bits", value);
        }
        if (value instanceof String s) {
            String text = s.trim();
            if (text.isEmpty() || text.equals("null")) {
                return 0;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw mismatch(at, "an integer", value);
            }
        }
        throw mismatch(at, "an integer", value);
    }

    /** A boolean: true/false, an integer (0 is false), or its text in Jackson's three spellings. */
    private static boolean bool(At at, Object value) throws InvalidStateException {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof JsonNumber n && n.integral()) {
            checkLength(at, n);
            return !n.text().equals("0") && !n.text().equals("-0");
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
        throw mismatch(at, "true or false", value);
    }

    /**
     * ISO-8601 text ({@link Instant#parse}), or epoch seconds with an optional fraction, as a number or as text (which
     * Jackson's InstantDeserializer also takes); blank text is null.
     */
    private static Instant instant(At at, Object value) throws InvalidStateException {
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
                    return epochSeconds(at, text, text.indexOf('.') < 0, value);
                } catch (NumberFormatException notANumberAfterAll) {
                    // "-" or "." alone, or beyond a long: refused by Instant.parse below, as by Jackson
                }
            }
            try {
                return IsoInstant.parse(text);
            } catch (DateTimeException e) {
                throw mismatch(at, "an ISO-8601 instant", value);
            }
        }
        if (value instanceof JsonNumber n) {
            checkLength(at, n);
            try {
                return epochSeconds(at, n.text(), n.integral(), value);
            } catch (NumberFormatException e) {
                // beyond a long, or an exponent beyond an int
                throw mismatch(at, "epoch seconds within Instant's range", value);
            }
        }
        throw mismatch(at, "an ISO-8601 instant", value);
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

    /**
     * {@code text} as epoch seconds. A fraction needs BigDecimal, whose first use costs a cold start about ten
     * milliseconds, so whole seconds go without it.
     */
    private static Instant epochSeconds(At at, String text, boolean whole, Object value)
            throws InvalidStateException {
        try {
            if (whole) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.precision() - seconds.scale() <= MAX_EPOCH_SECOND_DIGITS) {
                long wholeSeconds = seconds.longValue();
                int nanos = seconds.subtract(BigDecimal.valueOf(wholeSeconds)).movePointRight(9).intValue();
                return Instant.ofEpochSecond(wholeSeconds, nanos);
            }
        } catch (DateTimeException e) {
            // beyond Instant's range: refused below
        }
        throw mismatch(at, "epoch seconds within Instant's range", value);
    }

    private static void checkLength(At at, JsonNumber n) throws InvalidStateException {
        if (n.text().length() > MAX_NUMBER_LENGTH) {
            throw new InvalidStateException(where(at) + "number of " + n.text().length()
                    + " characters, longer than the " + MAX_NUMBER_LENGTH + " allowed");
        }
    }

    private static InvalidStateException mismatch(At at, String expected, Object got) {
        return new InvalidStateException(where(at) + "expected " + expected + ", got " + describe(got));
    }

    private static String where(At at) {
        return at.parent() == null ? "" : at + ": ";
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
