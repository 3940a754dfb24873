package io.mosnet.dhcp.v6;

/** What the client tells its owner; called on the client's thread with its lock held, so it must not block long. */
interface Dhcp6Events {

    /** A lease was obtained, renewed, rebound, or lost some of its addresses or prefixes. */
    void leaseChanged(Dhcp6Lease lease);

    /** Every address and prefix expired or was refused; the client solicits again. */
    void leaseLost(Dhcp6Lease lease, String reason);

    /** No server answered in time: the host stays on SLAAC alone. The client keeps soliciting slowly. */
    void noServer(String message);
}
