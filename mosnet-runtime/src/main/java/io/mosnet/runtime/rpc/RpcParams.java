package io.mosnet.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** The parameters of one call, bound to names and checked against the method's schema by the dispatcher. */
public final class RpcParams {

    private final Map<String, JsonNode> values;

    RpcParams(Map<String, JsonNode> values) {
        this.values = Map.copyOf(values);
    }

    public static RpcParams none() {
        return new RpcParams(Map.of());
    }

    public Optional<Integer> integer(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.intValue());
    }

    public boolean bool(String name, boolean absent) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? absent : v.booleanValue();
    }

    public Optional<String> string(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.textValue());
    }
}
