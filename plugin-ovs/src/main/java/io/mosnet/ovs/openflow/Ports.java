package io.mosnet.ovs.openflow;

/** Reserved OpenFlow 1.3 port numbers (section 7.2.1) and their ovs-ofctl names. */
public final class Ports {

    public static final long IN_PORT = 0xfffffff8L;
    public static final long TABLE = 0xfffffff9L;
    public static final long NORMAL = 0xfffffffaL;
    public static final long FLOOD = 0xfffffffbL;
    public static final long ALL = 0xfffffffcL;
    public static final long CONTROLLER = 0xfffffffdL;
    public static final long LOCAL = 0xfffffffeL;
    public static final long ANY = 0xffffffffL;

    /** max_len asking the switch to send the whole packet and not buffer it (OFPCML_NO_BUFFER). */
    public static final int NO_BUFFER = 0xffff;

    private Ports() {
    }

    public static String name(long port) {
        if (port == IN_PORT) {
            return "IN_PORT";
        } else if (port == TABLE) {
            return "TABLE";
        } else if (port == NORMAL) {
            return "NORMAL";
        } else if (port == FLOOD) {
            return "FLOOD";
        } else if (port == ALL) {
            return "ALL";
        } else if (port == CONTROLLER) {
            return "CONTROLLER";
        } else if (port == LOCAL) {
            return "LOCAL";
        } else if (port == ANY) {
            return "ANY";
        }
        return Long.toString(port);
    }
}
