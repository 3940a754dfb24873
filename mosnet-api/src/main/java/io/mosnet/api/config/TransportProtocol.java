package io.mosnet.api.config;

import java.util.Locale;

/** The transport protocols firewall and NAT rules name. */
public enum TransportProtocol {
    TCP, UDP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
