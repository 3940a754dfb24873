package io.mosnet.api.state;

import java.util.List;

/**
 * The bridge as its backend reports it, for {@code mosnet bridge} and {@code mosnet verify}.
 *
 * @param name    bridge device ({@code mos})
 * @param backend backend id ({@code linux}, {@code ovs})
 * @param mac     the bridge's address
 * @param mtu     its MTU
 * @param up      administratively up
 * @param ports   its ports
 */
public record BridgeReport(String name, String backend, String mac, int mtu, boolean up, List<BridgePortState> ports) {

    public BridgeReport {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
