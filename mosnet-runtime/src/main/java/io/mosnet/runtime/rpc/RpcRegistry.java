package io.mosnet.runtime.rpc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of API methods. The dispatcher calls from it and {@code rpc.discover} describes it, so a method
 * cannot be served without being documented, or documented without being served.
 */
public final class RpcRegistry {

    public static final String DISCOVER = "rpc.discover";

    private final Map<String, RpcMethod> methods = new LinkedHashMap<>();
    private final String title;
    private final String version;

    /** A registry that already serves {@value #DISCOVER}. */
    public RpcRegistry(String title, String version) {
        this.title = title;
        this.version = version;
        register(RpcMethod.view(DISCOVER, "The OpenRPC document describing every method of this API",
                Map.class, (params, caller) -> openRpcDocument()));
    }

    /** Adds a method; a second method with the same name is a programming error and fails at once. */
    public synchronized RpcRegistry register(RpcMethod method) {
        if (methods.containsKey(method.name())) {
            throw new IllegalArgumentException("RPC method '" + method.name() + "' is registered twice");
        }
        methods.put(method.name(), method);
        return this;
    }

    public synchronized Optional<RpcMethod> method(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    public synchronized Collection<RpcMethod> methods() {
        return List.copyOf(methods.values());
    }

    /** The OpenRPC 1.2 document (https://spec.open-rpc.org) for {@value #DISCOVER}. */
    public Map<String, Object> openRpcDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openrpc", "1.2.6");
        doc.put("info", Map.of("title", title, "version", version));
        List<Object> list = new ArrayList<>();
        for (RpcMethod m : methods()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", m.name());
            entry.put("summary", m.summary());
            entry.put("paramStructure", "either");
            List<Object> params = new ArrayList<>();
            for (RpcParam p : m.params()) {
                params.add(Map.of("name", p.name(), "description", p.description(), "required", p.required(),
                        "schema", p.schema()));
            }
            entry.put("params", params);
            entry.put("result", Map.of("name", m.name() + ".result", "schema", JsonSchemas.of(m.resultType())));
            // OpenRPC allows x- extensions; clients use this to know which calls need root.
            entry.put("x-mutating", m.mutating());
            list.add(entry);
        }
        doc.put("methods", Collections.unmodifiableList(list));
        return doc;
    }
}
