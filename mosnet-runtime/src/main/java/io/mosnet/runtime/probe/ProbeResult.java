package io.mosnet.runtime.probe;

import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import java.net.InetAddress;
import java.time.Duration;

/**
 * The NIC that reaches the gateway.
 *
 * @param nic        the chosen link
 * @param gateway    the gateway that was probed
 * @param gatewayMac the gateway's MAC from its ARP reply or neighbour advertisement; {@link MacAddress#ZERO} when
 *                   the device was pinned and nothing was probed
 * @param probed     false when the configuration pinned the device
 * @param elapsed    how long the probe took
 */
public record ProbeResult(Link nic, InetAddress gateway, MacAddress gatewayMac, boolean probed, Duration elapsed) {
}
