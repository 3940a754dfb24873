package io.mosnet.dhcp.v6.wire;

/** The DHCPv6 option codes mosnet reads or writes (RFC 8415 section 21, RFC 3646). */
public final class OptionCode {

    public static final int CLIENTID = 1;
    public static final int SERVERID = 2;
    public static final int IA_NA = 3;
    public static final int IA_TA = 4;
    public static final int IAADDR = 5;
    public static final int ORO = 6;
    public static final int PREFERENCE = 7;
    public static final int ELAPSED_TIME = 8;
    public static final int UNICAST = 12;
    public static final int STATUS_CODE = 13;
    public static final int RAPID_COMMIT = 14;
    /** RFC 3646 section 3. */
    public static final int DNS_SERVERS = 23;
    /** RFC 3646 section 4. */
    public static final int DOMAIN_LIST = 24;
    public static final int IA_PD = 25;
    public static final int IAPREFIX = 26;
    public static final int SOL_MAX_RT = 82;

    private OptionCode() {
    }
}
