package io.mosnet.runtime.rpc;

import java.lang.reflect.Type;
import java.util.List;

/**
 * One API method: everything the dispatcher needs to call it and everything {@code rpc.discover} says about it.
 *
 * @param name        method name
 * @param summary     one line for {@code mosnet discover}
 * @param params      parameters, in positional order
 * @param resultType  the Java type of the result; its JSON Schema is derived from it
 * @param mutating    changes the system: only root may call it
 * @param handler     does the work
 */
public record RpcMethod(String name, String summary, List<RpcParam> params, Type resultType, boolean mutating,
                        Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /** Returns the result (turned into JSON by {@link JsonTree}) or throws; {@link RpcException} keeps its code. */
        Object handle(RpcParams params, Caller caller) throws Exception;
    }

    public RpcMethod {
        params = List.copyOf(params);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an RPC method needs a name");
        }
    }

    /** A read-only method without parameters. */
    public static RpcMethod view(String name, String summary, Type resultType, Handler handler) {
        return new RpcMethod(name, summary, List.of(), resultType, false, handler);
    }
}
