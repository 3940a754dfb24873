/**
 * rtnetlink over AF_NETLINK through JNA: the runtime's implementation of {@link io.mosnet.api.net.HostNetwork}; also the
 * AF_UNIX datagram socket of sd_notify, since all of the runtime's native calls live in {@code LinuxNative} here.
 */
package io.mosnet.runtime.netlink;
