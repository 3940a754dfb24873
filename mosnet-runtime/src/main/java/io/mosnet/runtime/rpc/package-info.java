/**
 * The JSON-RPC 2.0 API of mosnetd on a Unix-domain socket, and the client the CLI uses.
 *
 * <p>Framing: each message is one JSON text (a request object or a batch array) encoded in UTF-8 and terminated
 * by a single newline (0x0A); JSON itself never needs a raw newline, so none appears inside a message. Each request
 * line gets one response line (none for notifications). A line longer than {@link io.mosnet.runtime.rpc.RpcServer#MAX_MESSAGE_BYTES}
 * is answered with an invalid-request error and the connection is closed.
 */
package io.mosnet.runtime.rpc;
