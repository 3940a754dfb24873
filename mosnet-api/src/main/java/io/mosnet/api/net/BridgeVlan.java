package io.mosnet.api.net;

/**
 * One VLAN of one bridge port, or of the bridge itself (its "self" port, the host's side), as {@code bridge vlan
 * show} lists it (IEEE 802.1Q).
 *
 * @param linkIndex the port's (or the bridge's) ifindex
 * @param vid       VLAN id 1-4094
 * @param pvid      untagged frames arriving on the port are put on this VLAN
 * @param untagged  frames of this VLAN leave the port without a tag
 */
public record BridgeVlan(int linkIndex, int vid, boolean pvid, boolean untagged) {
}
