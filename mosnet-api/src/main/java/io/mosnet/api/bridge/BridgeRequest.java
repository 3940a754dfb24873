package io.mosnet.api.bridge;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.Link;

/**
 * What {@link BridgeBackend#attach} is asked to build.
 *
 * @param bridgeName the bridge device ({@code mos})
 * @param uplink     the NIC that carries the host's traffic
 * @param mode       static or DHCP
 */
public record BridgeRequest(String bridgeName, Link uplink, Mode mode) {
}
