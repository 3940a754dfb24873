package io.mosnet.dhcp.v6;

/** Where the client is; RFC 8415 has no state names, so these follow its sections 18.2.1 to 18.2.5. */
public enum Dhcp6State {
    /** Not started yet, or closed. */
    STOPPED,
    /** Sending Solicit, collecting Advertises (section 18.2.1). */
    SOLICITING,
    /** Sending Request to the chosen server (section 18.2.2). */
    REQUESTING,
    /** Holding addresses or prefixes, waiting for T1. */
    BOUND,
    /** Sending Renew to the server that gave the lease (section 18.2.4), T1 to T2. */
    RENEWING,
    /** Sending Rebind to any server (section 18.2.5), T2 to the end of the valid lifetimes. */
    REBINDING,
    /** Sending Decline for an address the link already uses (section 18.2.8). */
    DECLINING
}
