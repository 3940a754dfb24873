package io.mosnet.runtime.rpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one received JSON-RPC 2.0 message (a request or a batch) into the response to send, if any. Transport-free:
 * the server hands it lines, tests hand it strings. Requests are read by {@link PlainJson}, results turned into JSON
 * by {@link JsonTree} and written by {@link CompactJson}: no Jackson in the daemon unless a feature that needs it
 * (a firewall, mosnet.toml) is used.
 */
public final class RpcDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

    private final RpcRegistry registry;

    public RpcDispatcher(RpcRegistry registry) {
        this.registry = registry;
    }

    /**
     * Sets up what the first request would otherwise wait for: the reflection that reads the records of
     * {@code sample} (a typical result).
     */
    public void prepare(Object sample) {
        CompactJson.write(JsonTree.of(sample));
    }

    /** The response text for {@code message}, or empty when it held only notifications (section 4.1). */
    public Optional<String> dispatch(String message, Caller caller) {
        if (message.isBlank()) {
            return Optional.of(write(error(null, RpcException.INVALID_REQUEST, "empty message")));
        }
        Object request;
        try {
            request = PlainJson.parse(message);
        } catch (MalformedJsonException e) {
            return Optional.of(write(error(null, RpcException.PARSE_ERROR, "parse error: " + e.getMessage())));
        }
        if (request instanceof List<?> batch) {
            // Section 6: an empty batch is one invalid request; otherwise one answer per non-notification.
            if (batch.isEmpty()) {
                return Optional.of(write(error(null, RpcException.INVALID_REQUEST, "empty batch")));
            }
            List<Object> responses = new ArrayList<>();
            for (Object element : batch) {
                handle(element, caller).ifPresent(responses::add);
            }
            return responses.isEmpty() ? Optional.empty() : Optional.of(write(responses));
        }
        return handle(request, caller).map(this::write);
    }

    /** An error response with a null id, for transport-level failures (oversized message, too many clients). */
    public String errorResponse(int code, String message) {
        return write(error(null, code, message));
    }

    private Optional<Map<String, Object>> handle(Object message, Caller caller) {
        if (!(message instanceof Map<?, ?> request)) {
            return Optional.of(error(null, RpcException.INVALID_REQUEST, "a request must be a JSON object"));
        }
        boolean notification = !request.containsKey("id");
        Object id = request.get("id");
        if (id != null && !(id instanceof String || id instanceof JsonNumber)) {
            return Optional.of(error(null, RpcException.INVALID_REQUEST, "id must be a string, a number or null"));
        }
        Object method = request.get("method");
        Object params = request.get("params");
        String invalid = null;
        if (!"2.0".equals(request.get("jsonrpc"))) {
            invalid = "jsonrpc must be \"2.0\"";
        } else if (!(method instanceof String)) {
            invalid = "method must be a string";
        } else if (params != null && !(params instanceof Map) && !(params instanceof List)) {
            invalid = "params must be an object or an array";
        }
        if (invalid != null) {
            return Optional.of(error(id, RpcException.INVALID_REQUEST, invalid));
        }
        String name = (String) method;
        try {
            Object result = toTree(name, call(name, params, caller));
            if (notification) {
                return Optional.empty();
            }
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("jsonrpc", "2.0");
            response.put("result", result);
            response.put("id", id);
            return Optional.of(response);
        } catch (RpcException e) {
            return notification ? Optional.empty() : Optional.of(error(id, e.code(), e.getMessage()));
        }
    }

    private Object call(String name, Object params, Caller caller) {
        RpcMethod method = registry.method(name).orElseThrow(
                () -> new RpcException(RpcException.METHOD_NOT_FOUND, "method not found: " + name));
        if (method.mutating() && !caller.root()) {
            LOG.info("refused {} to user {}: not root", name, caller.user());
            throw new RpcException(RpcException.PERMISSION_DENIED,
                    name + " changes the system and needs root; caller is " + caller.user());
        }
        RpcParams bound = bind(method, params);
        try {
            return method.handler().handle(bound, caller);
        } catch (RpcException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("RPC {} failed", name, e);
            throw new RpcException(RpcException.INTERNAL_ERROR, name + ": " + describe(e), e);
        }
    }

    private static Object toTree(String name, Object result) {
        try {
            return JsonTree.of(result);
        } catch (IllegalArgumentException e) {
            LOG.warn("RPC {}: result cannot be serialised", name, e);
            throw new RpcException(RpcException.INTERNAL_ERROR, name + ": result cannot be serialised: "
                    + describe(e), e);
        }
    }

    private static RpcParams bind(RpcMethod method, Object params) {
        Map<String, Object> values = new HashMap<>();
        List<RpcParam> declared = method.params();
        if (params instanceof List<?> positional) {
            if (positional.size() > declared.size()) {
                throw RpcException.invalidParams(method.name() + " takes at most " + declared.size()
                        + " parameter(s), got " + positional.size());
            }
            for (int i = 0; i < positional.size(); i++) {
                values.put(declared.get(i).name(), positional.get(i));
            }
        } else if (params instanceof Map<?, ?> named) {
            for (var e : named.entrySet()) {
                String name = (String) e.getKey();
                if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                    throw RpcException.invalidParams(method.name() + " has no parameter '" + name + "'");
                }
                values.put(name, e.getValue());
            }
        }
        for (RpcParam p : declared) {
            Object v = values.get(p.name());
            if (v == null) {
                if (p.required()) {
                    throw RpcException.invalidParams(method.name() + ": parameter '" + p.name() + "' is required");
                }
                continue;
            }
            check(method, p, v);
        }
        return new RpcParams(values);
    }

    private static void check(RpcMethod method, RpcParam p, Object v) {
        boolean ok = switch (p.type() == null ? "" : p.type()) {
            case "integer" -> v instanceof JsonNumber n && isInt(n) && inRange(p, n.longValue());
            case "boolean" -> v instanceof Boolean;
            case "string" -> v instanceof String;
            default -> true;
        };
        if (!ok) {
            Object min = p.schema().get("minimum");
            Object max = p.schema().get("maximum");
            String range = min != null && max != null ? " " + min + "-" + max : "";
            throw RpcException.invalidParams(method.name() + ": parameter '" + p.name() + "' must be " + p.type()
                    + range + ", got " + CompactJson.write(v));
        }
    }

    /** An integer JSON number (no fraction, no exponent) that fits in an int. */
    private static boolean isInt(JsonNumber n) {
        if (!n.integral()) {
            return false;
        }
        try {
            long value = n.longValue();
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean inRange(RpcParam p, long value) {
        Object min = p.schema().get("minimum");
        Object max = p.schema().get("maximum");
        return (min == null || value >= ((Number) min).longValue()) && (max == null || value <= ((Number) max).longValue());
    }

    private static Map<String, Object> error(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("error", error);
        response.put("id", id);
        return response;
    }

    private String write(Object message) {
        return CompactJson.write(message);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
