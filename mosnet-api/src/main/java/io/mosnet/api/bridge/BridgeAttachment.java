package io.mosnet.api.bridge;

import io.mosnet.api.net.MacAddress;

/**
 * The result of {@link BridgeBackend#attach}.
 *
 * @param bridgeName    the bridge
 * @param hostInterface the interface where the host's addresses go ({@code mos} for both built-in backends)
 * @param mac           the MAC the host interface uses (the uplink's)
 * @param adopted       true when an existing bridge was kept as it was
 */
public record BridgeAttachment(String bridgeName, String hostInterface, MacAddress mac, boolean adopted) {
}
