package io.mosnet.api.state;

/**
 * A port of the bridge.
 *
 * @param name    interface name
 * @param kind    link kind ({@code veth}, {@code tap}, empty for a physical NIC, {@code internal} on OVS)
 * @param mac     hardware address
 * @param up      administratively up
 * @param carrier lower layer up
 * @param role    {@code uplink} for the host NIC, {@code host} for the host's own port, {@code guest} otherwise
 */
public record BridgePortState(String name, String kind, String mac, boolean up, boolean carrier, String role) {
}
