package io.mosnet.api.config;

/** How the host gets its addresses: static when mosip4 or mosip6 is given, DHCP otherwise. */
public enum Mode {
    STATIC, DHCP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
