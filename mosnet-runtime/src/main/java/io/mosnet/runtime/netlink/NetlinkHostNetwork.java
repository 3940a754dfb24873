package io.mosnet.runtime.netlink;

import io.mosnet.api.net.HostNetwork;

/**
 * The host-network facade over rtnetlink, /proc/sys and AF_PACKET. Placeholder until the netlink client lands.
 */
public abstract class NetlinkHostNetwork implements HostNetwork, AutoCloseable {

    /** Opens a handle in the calling process's network namespace. */
    public static NetlinkHostNetwork open() {
        throw new IllegalStateException("the rtnetlink client is not built yet");
    }

    /** Opens a handle inside the named network namespace ({@code /run/netns/NAME}), as {@code ip -n NAME}. */
    public static NetlinkHostNetwork openIn(String namespace) {
        throw new IllegalStateException("the rtnetlink client is not built yet");
    }

    @Override
    public abstract void close();
}
