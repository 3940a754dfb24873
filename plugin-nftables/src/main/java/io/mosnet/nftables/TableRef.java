package io.mosnet.nftables;

/**
 * One of mosnet's tables, by family and name. mosnet owns these tables whole: it replaces or deletes them and
 * never touches any other table, so other rulesets on the host (distribution firewall, container engines) stay.
 */
record TableRef(String family, String name) {

    /** The filter table: input policy, open ports, and the forward chain. */
    static final TableRef FILTER = new TableRef("inet", "mosnet");
    /** Masquerade and port forwards; {@code ip} because port forwards name IPv4 addresses. */
    static final TableRef NAT = new TableRef("ip", "mosnet-nat");
    /** The egress MAC guard, attached to the uplink device. */
    static final TableRef EGRESS = new TableRef("netdev", "mosnet-egress");

    @Override
    public String toString() {
        return family + " " + name;
    }
}
