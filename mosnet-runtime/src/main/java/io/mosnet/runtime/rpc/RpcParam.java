package io.mosnet.runtime.rpc;

import java.util.Map;

/**
 * A parameter of an API method, as OpenRPC's Content Descriptor describes it.
 *
 * @param name        the name (params by name) and position (params by position: declaration order)
 * @param description what it does
 * @param required    must be given
 * @param schema      its JSON Schema; {@code type} is checked by the dispatcher
 */
public record RpcParam(String name, String description, boolean required, Map<String, Object> schema) {

    public RpcParam {
        schema = Map.copyOf(schema);
    }

    public static RpcParam optionalInteger(String name, String description, long minimum, long maximum) {
        return new RpcParam(name, description, false, Map.of("type", "integer", "minimum", minimum,
                "maximum", maximum));
    }

    public static RpcParam optionalBoolean(String name, String description) {
        return new RpcParam(name, description, false, Map.of("type", "boolean"));
    }

    String type() {
        return (String) schema.get("type");
    }
}
