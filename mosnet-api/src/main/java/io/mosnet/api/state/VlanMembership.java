package io.mosnet.api.state;

/**
 * One VLAN on one bridge port (IEEE 802.1Q).
 *
 * @param port     the port
 * @param vid      VLAN id 1-4094
 * @param pvid     untagged ingress frames are assigned this VLAN
 * @param untagged egress frames of this VLAN leave without a tag
 */
public record VlanMembership(String port, int vid, boolean pvid, boolean untagged) {
}
