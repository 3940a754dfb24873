package io.mosnet.runtime.rpc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON values ({@link PlainJson}) bound onto the API's result types, as the CLI's Jackson mapper binds them:
 * record components by name, unknown members ignored, a missing or null member null (zero or false for a primitive),
 * ISO-8601 instants, enums by name, lists, and maps with string keys (numbers inside {@code Object} as Integer, Long
 * or Double). The inverse of {@link JsonTree}, without Jackson's start-up, for the CLI's views of the daemon.
 */
public final class JsonRecords {

    private JsonRecords() {
    }

    /** @throws IllegalArgumentException naming where the value does not fit and what was expected there */
    public static <T> T bind(Object plain, Class<T> type) {
        return type.cast(value(plain, type, type.getSimpleName()));
    }

    /** A JSON array of {@code element}s; null reads as an empty list. */
    public static <T> List<T> bindList(Object plain, Class<T> element) {
        List<T> list = new ArrayList<>();
        if (plain == null) {
            return list;
        }
        if (!(plain instanceof List<?> items)) {
            throw mismatch("a list of " + element.getSimpleName(), plain, "the result");
        }
        for (int i = 0; i < items.size(); i++) {
            list.add(element.cast(value(items.get(i), element, "[" + i + "]")));
        }
        return list;
    }

    private static Object value(Object v, Type type, String where) {
        Class<?> raw = raw(type);
        if (v == null) {
            return raw.isPrimitive() ? zero(raw) : null;
        }
        if (raw == Object.class) {
            return loose(v);
        }
        if (raw == String.class) {
            if (v instanceof String || v instanceof JsonNumber || v instanceof Boolean) {
                return v instanceof JsonNumber n ? n.text() : v.toString();
            }
            throw mismatch("a string", v, where);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (v instanceof Boolean b) {
                return b;
            }
            throw mismatch("true or false", v, where);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == double.class || raw == Double.class) {
            return number(v, raw, where);
        }
        if (raw == Instant.class) {
            try {
                return Instant.parse((String) v);
            } catch (ClassCastException | DateTimeParseException e) {
                throw mismatch("an ISO-8601 instant", v, where);
            }
        }
        if (raw.isEnum()) {
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(v)) {
                    return constant;
                }
            }
            throw mismatch("one of " + List.of(raw.getEnumConstants()), v, where);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!(v instanceof List<?> items)) {
                throw mismatch("a list", v, where);
            }
            Type element = argument(type, 0);
            List<Object> list = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                list.add(value(items.get(i), element, where + "[" + i + "]"));
            }
            return list;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(v instanceof Map<?, ?> members)) {
                throw mismatch("an object", v, where);
            }
            Type valueType = argument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            members.forEach((k, x) -> map.put((String) k, value(x, valueType, where + "." + k)));
            return map;
        }
        if (raw.isRecord()) {
            if (!(v instanceof Map<?, ?> members)) {
                throw mismatch("an object", v, where);
            }
            return record(raw, members, where);
        }
        throw new IllegalArgumentException("cannot bind " + where + ": no JSON binding for " + raw.getName());
    }

    private static Object record(Class<?> type, Map<?, ?> members, String where) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = value(members.get(c.getName()), c.getGenericType(), where + "." + c.getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            // The record refused the values (its compact constructor validates): say so, where.
            throw new IllegalArgumentException("cannot bind " + where + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot bind " + where + ": " + e, e);
        }
    }

    private static Object number(Object v, Class<?> raw, String where) {
        String text = v instanceof JsonNumber n ? n.text() : v instanceof String s ? s.strip() : null;
        if (text == null) {
            throw mismatch("a number", v, where);
        }
        try {
            if (raw == double.class || raw == Double.class) {
                return Double.parseDouble(text);
            }
            long l = Long.parseLong(text);
            return raw == long.class || raw == Long.class ? (Object) l : (Object) Math.toIntExact(l);
        } catch (NumberFormatException | ArithmeticException e) {
            throw mismatch(raw == double.class || raw == Double.class ? "a number" : "a whole number in range", v,
                    where);
        }
    }

    /** For {@code Object}: maps and lists as they are, numbers as Jackson's untyped binding gives them. */
    private static Object loose(Object v) {
        if (v instanceof JsonNumber n) {
            if (!n.integral()) {
                return Double.parseDouble(n.text());
            }
            long l = Long.parseLong(n.text());
            return l == (int) l ? (Object) (int) l : (Object) l;
        }
        if (v instanceof List<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(x -> list.add(loose(x)));
            return list;
        }
        if (v instanceof Map<?, ?> members) {
            Map<String, Object> map = new LinkedHashMap<>();
            members.forEach((k, x) -> map.put((String) k, loose(x)));
            return map;
        }
        return v;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        return 0;
    }

    private static IllegalArgumentException mismatch(String expected, Object found, String where) {
        String shown = found instanceof String s ? JsonStrings.quote(s, new StringBuilder()).toString()
                : found instanceof Map ? "an object" : found instanceof List ? "a list" : String.valueOf(found);
        return new IllegalArgumentException("cannot bind " + where + ": expected " + expected + ", found " + shown);
    }
}
