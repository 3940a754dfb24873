/** rtnetlink over AF_NETLINK through JNA: the runtime's implementation of {@link io.mosnet.api.net.HostNetwork}. */
package io.mosnet.runtime.netlink;
