package io.mosnet.api.config;

import io.mosnet.api.net.IpAddresses;
import java.net.Inet4Address;

/** {@code <ext>:<ip>:<int>/<proto>}: DNAT from the host's external port to a VM's address and port. */
public record PortForward(int externalPort, Inet4Address internalAddress, int internalPort,
                          TransportProtocol protocol) {

    @Override
    public String toString() {
        return externalPort + ":" + IpAddresses.format(internalAddress) + ":" + internalPort + "/" + protocol.label();
    }
}
