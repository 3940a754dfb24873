package io.mosnet.runtime.rpc;

import io.mosnet.api.plugin.MosnetException;

/**
 * A JSON-RPC error (JSON-RPC 2.0 section 5.1): thrown by handlers and the dispatcher, sent to the client as the
 * response's {@code error} member, and thrown again by {@link RpcClient} on the client side.
 */
public class RpcException extends MosnetException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Server-defined (-32000 to -32099): the method changes the system and the caller is not root. */
    public static final int PERMISSION_DENIED = -32001;
    /** Server-defined: the running configuration lacks the feature (OVS views with the Linux bridge backend). */
    public static final int UNAVAILABLE = -32002;
    /** Server-defined: the server refuses the connection because it has too many. */
    public static final int SERVER_BUSY = -32003;

    private final int code;

    public RpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    public RpcException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RpcException invalidParams(String message) {
        return new RpcException(INVALID_PARAMS, message);
    }

    /** For {@link DaemonView} methods whose feature the running configuration does not have. */
    public static RpcException unavailable(String message) {
        return new RpcException(UNAVAILABLE, message);
    }
}
