package io.mosnet.api.config;

/**
 * One port the firewall opens.
 *
 * @param service  the named service it came from ({@code ssh}), or null for a custom {@code <port>/<proto>}
 * @param port     1-65535
 * @param protocol tcp or udp
 */
public record PortRule(String service, int port, TransportProtocol protocol) {

    public PortRule {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
    }

    @Override
    public String toString() {
        return port + "/" + protocol.label();
    }
}
