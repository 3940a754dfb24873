package io.mosnet.api.bridge;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.Link;

/**
 * What {@link BridgeBackend#attach} is asked to build.
 *
 * @param bridgeName the bridge device ({@code mos})
 * @param uplink     the NIC that carries the host's traffic
 * @param mode       static or DHCP
 * @param vlanId     the VLAN (1-4094) the host interface is an access port of, the uplink staying a trunk; 0 for
 *                   untagged (the single and dual-nic topologies)
 * @param mtu        MTU of the host interface, 0 to leave it
 */
public record BridgeRequest(String bridgeName, Link uplink, Mode mode, int vlanId, int mtu) {

    public BridgeRequest {
        if (vlanId < 0 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlanId + " is outside 0-4094");
        }
        if (mtu < 0) {
            throw new IllegalArgumentException("negative MTU " + mtu);
        }
    }

    /** An untagged host interface with the MTU left alone. */
    public BridgeRequest(String bridgeName, Link uplink, Mode mode) {
        this(bridgeName, uplink, mode, 0, 0);
    }
}
