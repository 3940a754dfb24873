package io.mosnet.runtime.rpc;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An API result as plain JSON values ({@link PrettyJson}'s and {@link CompactJson}'s input), written as the
 * ObjectMapper of {@code StateJson} wrote it before the daemon's API stopped using Jackson: records as objects with
 * their components in declaration order, maps with their keys sorted, nulls kept, enums by name, instants and
 * durations as ISO-8601 text, addresses as their literal, byte arrays in base64, numbers as they are (a double that
 * is not a number as text). Anything else is written as its {@code toString()}. Jackson's classes stay out of the
 * parked daemon and out of its AOT cache, which loads every class it holds at start ({@code JsonTreeTest} holds the
 * output to Jackson's for every result type of the API).
 */
public final class JsonTree {

    /** Each record class's component accessors, found once. */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
            }
            return accessors;
        }
    };

    private JsonTree() {
    }

    /**
     * {@code value} as plain JSON values.
     *
     * @throws IllegalArgumentException when a record's component cannot be read (a record mosnet's module cannot
     *                                  reach, or an accessor that throws)
     */
    public static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof JsonNumber) {
            return value;
        } else if (value instanceof Number n) {
            return number(n);
        } else if (value instanceof Record r) {
            return record(r);
        } else if (value instanceof Map<?, ?> map) {
            return map(map);
        } else if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(e -> out.add(of(e)));
            return out;
        } else if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value instanceof Optional<?> o) {
            return of(o.orElse(null));
        } else if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(of(Array.get(value, i)));
            }
            return out;
        } else if (value instanceof InetAddress a) {
            return address(a);
        }
        // Instant, Duration, other java.time values, characters, UUIDs, URIs and the rest: their text, which for
        // java.time is the ISO-8601 form.
        return value.toString();
    }

    private static Object number(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())
                || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return n.toString();
        }
        return n;
    }

    private static Map<String, Object> record(Record r) {
        Method[] accessors = ACCESSORS.get(r.getClass());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Method accessor : accessors) {
            Object v;
            try {
                v = accessor.invoke(r);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + accessor.getName()
                        + ": " + e.getMessage(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(r.getClass().getName() + "." + accessor.getName() + " threw "
                        + e.getCause(), e.getCause());
            }
            out.put(accessor.getName(), of(v));
        }
        return out;
    }

    /** Sorted as Jackson's ORDER_MAP_ENTRIES_BY_KEYS sorts: by the keys themselves when they compare, else by text. */
    private static Map<String, Object> map(Map<?, ?> map) {
        Map<Object, Object> sorted;
        try {
            sorted = new TreeMap<>(map);
        } catch (ClassCastException | NullPointerException e) {
            sorted = new TreeMap<>();
            for (var entry : map.entrySet()) {
                sorted.put(String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        sorted.forEach((k, v) -> out.put(k instanceof Enum<?> e ? e.name() : String.valueOf(k), of(v)));
        return out;
    }

    /** As Jackson writes an address: its host name when it was made with one, else its literal. */
    private static String address(InetAddress a) {
        String text = a.toString().trim();
        int slash = text.indexOf('/');
        if (slash < 0) {
            return text;
        }
        return slash == 0 ? text.substring(1) : text.substring(0, slash);
    }
}
