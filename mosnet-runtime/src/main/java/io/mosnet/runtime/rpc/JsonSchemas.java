package io.mosnet.runtime.rpc;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives a JSON Schema from the Java type a method returns, so the OpenRPC document can never drift from what the
 * handler really serialises: records become objects with their components in order, lists arrays, maps objects
 * with {@code additionalProperties}, instants date-time strings.
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static Map<String, Object> of(Type type) {
        return of(type, new HashSet<>());
    }

    private static Map<String, Object> of(Type type, Set<Class<?>> visiting) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", of(args[0], visiting));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", of(args[1], visiting));
            }
            return of(raw, visiting);
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of();
        }
        if (c == String.class || c == char.class || c == java.net.InetAddress.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == long.class || c == short.class || c == Integer.class || c == Long.class
                || c == Short.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == Duration.class) {
            return Map.of("type", "string", "format", "duration");
        }
        if (c.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return Map.of("type", "string", "enum", names);
        }
        if (c.isRecord()) {
            if (!visiting.add(c)) {
                return Map.of("type", "object");
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                properties.put(rc.getName(), of(rc.getGenericType(), visiting));
            }
            visiting.remove(c);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("title", c.getSimpleName());
            schema.put("type", "object");
            schema.put("properties", properties);
            return schema;
        }
        // Object and other open types: any JSON value.
        return Map.of();
    }
}
