package io.mosnet.runtime.rpc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one call, bound to names and checked against the method's schema by the dispatcher: plain JSON
 * values as {@link PlainJson} reads them.
 */
public final class RpcParams {

    private final Map<String, Object> values;

    RpcParams(Map<String, Object> values) {
        this.values = new HashMap<>(values);
    }

    public static RpcParams none() {
        return new RpcParams(Map.of());
    }

    /** An integer parameter the dispatcher checked against its range. */
    public Optional<Integer> integer(String name) {
        return values.get(name) instanceof JsonNumber n ? Optional.of((int) n.longValue()) : Optional.empty();
    }

    public boolean bool(String name, boolean absent) {
        return values.get(name) instanceof Boolean b ? b : absent;
    }

    public Optional<String> string(String name) {
        return values.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
