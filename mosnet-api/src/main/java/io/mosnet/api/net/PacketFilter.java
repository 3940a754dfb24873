package io.mosnet.api.net;

/**
 * Which frames a {@link PacketChannel} lets through to user space; the runtime compiles these to a classic BPF
 * program attached in the kernel, so unrelated traffic never wakes the JVM.
 */
public enum PacketFilter {
    /** ARP replies (EtherType 0x0806, op 2). */
    ARP_REPLY,
    /** ICMPv6 neighbour advertisements (type 136). */
    NEIGHBOUR_ADVERTISEMENT,
    /** IPv4 UDP to port 68 (DHCPv4 replies to a client). */
    DHCPV4_CLIENT,
    /** IPv4 UDP to port 67 (requests to a server or relay; used by tests). */
    DHCPV4_SERVER,
    /** Every frame. */
    ALL
}
