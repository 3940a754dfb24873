package io.mosnet.runtime.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one received JSON-RPC 2.0 message (a request or a batch) into the response to send, if any. Transport-free:
 * the server hands it lines, tests hand it strings.
 */
public final class RpcDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

    private final RpcRegistry registry;
    private final java.util.function.Supplier<ObjectMapper> mapper;
    private volatile ObjectMapper json;

    public RpcDispatcher(RpcRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.mapper = () -> json;
        this.json = json;
    }

    /**
     * A dispatcher that asks {@code mapper} for its ObjectMapper at the first request, not before: the daemon opens
     * its API before it configures the network, and Jackson's set-up need not delay that.
     */
    public RpcDispatcher(RpcRegistry registry, java.util.function.Supplier<ObjectMapper> mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    private ObjectMapper json() {
        ObjectMapper m = json;
        if (m == null) {
            synchronized (this) {
                if (json == null) {
                    json = mapper.get();
                }
                m = json;
            }
        }
        return m;
    }

    /**
     * Sets up what the first request would otherwise wait for: the ObjectMapper, and its serialisers for the type of
     * {@code sample} (a typical result).
     */
    public void prepare(Object sample) {
        json().valueToTree(sample);
    }

    /** The response text for {@code message}, or empty when it held only notifications (section 4.1). */
    public Optional<String> dispatch(String message, Caller caller) {
        JsonNode request;
        try {
            request = json().readTree(message);
        } catch (JsonProcessingException e) {
            return Optional.of(write(error(NullNode.getInstance(), RpcException.PARSE_ERROR,
                    "parse error: " + e.getOriginalMessage())));
        }
        if (request == null || request.isMissingNode()) {
            return Optional.of(write(error(NullNode.getInstance(), RpcException.INVALID_REQUEST, "empty message")));
        }
        if (request.isArray()) {
            // Section 6: an empty batch is one invalid request; otherwise one answer per non-notification.
            if (request.isEmpty()) {
                return Optional.of(write(error(NullNode.getInstance(), RpcException.INVALID_REQUEST, "empty batch")));
            }
            ArrayNode responses = json().createArrayNode();
            for (JsonNode element : request) {
                handle(element, caller).ifPresent(responses::add);
            }
            return responses.isEmpty() ? Optional.empty() : Optional.of(write(responses));
        }
        return handle(request, caller).map(this::write);
    }

    /** An error response with a null id, for transport-level failures (oversized message, too many clients). */
    public String errorResponse(int code, String message) {
        return write(error(NullNode.getInstance(), code, message));
    }

    private Optional<ObjectNode> handle(JsonNode request, Caller caller) {
        if (!request.isObject()) {
            return Optional.of(error(NullNode.getInstance(), RpcException.INVALID_REQUEST,
                    "a request must be a JSON object"));
        }
        JsonNode id = request.get("id");
        boolean notification = id == null;
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return Optional.of(error(NullNode.getInstance(), RpcException.INVALID_REQUEST,
                    "id must be a string, a number or null"));
        }
        JsonNode responseId = id == null ? NullNode.getInstance() : id;
        JsonNode version = request.get("jsonrpc");
        JsonNode method = request.get("method");
        JsonNode params = request.get("params");
        String invalid = null;
        if (version == null || !"2.0".equals(version.asText()) || !version.isTextual()) {
            invalid = "jsonrpc must be \"2.0\"";
        } else if (method == null || !method.isTextual()) {
            invalid = "method must be a string";
        } else if (params != null && !params.isObject() && !params.isArray()) {
            invalid = "params must be an object or an array";
        }
        if (invalid != null) {
            return Optional.of(error(responseId, RpcException.INVALID_REQUEST, invalid));
        }
        try {
            JsonNode result = toTree(method.textValue(), call(method.textValue(), params, caller));
            if (notification) {
                return Optional.empty();
            }
            ObjectNode response = json().createObjectNode();
            response.put("jsonrpc", "2.0");
            response.set("result", result);
            response.set("id", responseId);
            return Optional.of(response);
        } catch (RpcException e) {
            return notification ? Optional.empty() : Optional.of(error(responseId, e.code(), e.getMessage()));
        }
    }

    private Object call(String name, JsonNode params, Caller caller) {
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

    private JsonNode toTree(String name, Object result) {
        try {
            return json().valueToTree(result);
        } catch (IllegalArgumentException e) {
            LOG.warn("RPC {}: result cannot be serialised", name, e);
            throw new RpcException(RpcException.INTERNAL_ERROR, name + ": result cannot be serialised: "
                    + describe(e), e);
        }
    }

    private static RpcParams bind(RpcMethod method, JsonNode params) {
        Map<String, JsonNode> values = new HashMap<>();
        List<RpcParam> declared = method.params();
        if (params != null && params.isArray()) {
            if (params.size() > declared.size()) {
                throw RpcException.invalidParams(method.name() + " takes at most " + declared.size()
                        + " parameter(s), got " + params.size());
            }
            for (int i = 0; i < params.size(); i++) {
                values.put(declared.get(i).name(), params.get(i));
            }
        } else if (params != null) {
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                    throw RpcException.invalidParams(method.name() + " has no parameter '" + name + "'");
                }
                values.put(name, params.get(name));
            }
        }
        for (RpcParam p : declared) {
            JsonNode v = values.get(p.name());
            if (v == null || v.isNull()) {
                if (p.required()) {
                    throw RpcException.invalidParams(method.name() + ": parameter '" + p.name() + "' is required");
                }
                continue;
            }
            check(method, p, v);
        }
        return new RpcParams(values);
    }

    private static void check(RpcMethod method, RpcParam p, JsonNode v) {
        boolean ok = switch (p.type() == null ? "" : p.type()) {
            case "integer" -> v.canConvertToInt() && v.isIntegralNumber() && inRange(p, v.longValue());
            case "boolean" -> v.isBoolean();
            case "string" -> v.isTextual();
            default -> true;
        };
        if (!ok) {
            Object min = p.schema().get("minimum");
            Object max = p.schema().get("maximum");
            String range = min != null && max != null ? " " + min + "-" + max : "";
            throw RpcException.invalidParams(method.name() + ": parameter '" + p.name() + "' must be " + p.type()
                    + range + ", got " + v);
        }
    }

    private static boolean inRange(RpcParam p, long value) {
        Object min = p.schema().get("minimum");
        Object max = p.schema().get("maximum");
        return (min == null || value >= ((Number) min).longValue()) && (max == null || value <= ((Number) max).longValue());
    }

    private ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = json().createObjectNode();
        response.put("jsonrpc", "2.0");
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        response.set("id", id);
        return response;
    }

    private String write(JsonNode node) {
        try {
            return json().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a JSON tree cannot fail", e);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
