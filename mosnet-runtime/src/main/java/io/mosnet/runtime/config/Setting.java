package io.mosnet.runtime.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting mosnet understands, under its kernel command line name. mosnet.toml spells the same settings as
 * TOML keys (see {@link TomlConfig}); both are turned into these names and validated by one parser, so a value means
 * the same wherever it was written.
 */
public enum Setting {
    IP4("mosip4", "<addr>,<gw>,<netmask>[,<dev>]"),
    IP6("mosip6", "<addr>/<prefix>,<gw>[,<dev>]"),
    DHCP_TIMEOUT("mosdhcp_timeout", "<seconds>, 1-3600"),
    DHCP_PREFER_PRIVATE("mosdhcp_prefer_private", "yes|no"),
    DHCP_CLASSLESS_ROUTES("mosdhcp_classless_routes", "yes|no"),
    DHCP_RAPID_COMMIT("mosdhcp_rapid_commit", "yes|no"),
    DHCP_HOSTNAME("mosdhcp_hostname", "<hostname>"),
    DHCP6("mosdhcp6", "yes|no"),
    DHCP6_PD("mosdhcp6_pd", "no|yes|assign"),
    FIREWALL("mosfirewall", "ssh, http, https, dns, dhcp, <port>/tcp|udp, none or permissive, comma separated"),
    NAT("mosnat", "<snat|iface|none>[,<ext>:<ip>:<int>/<tcp|udp>...]"),
    BRIDGE("mosbridge", "the id of an installed bridge backend, e.g. linux or ovs"),
    TOPOLOGY("mostopology", "the id of an installed topology: single, vlan, dual-nic or a third-party one"),
    NICS("mosnics", "<nic>[,<nic>...]"),
    VLAN("mosvlan", "<id>[,<mtu>], id 1-4094, MTU 68-65535"),
    NIC2("mosnic2", "<nic>"),
    IP4_2("mosip4_2", "<addr>,<gw>,<netmask>[,<dev>]"),
    IP6_2("mosip6_2", "<addr>/<prefix>,<gw>[,<dev>]");

    private final String key;
    private final String expected;

    Setting(String key, String expected) {
        this.key = key;
        this.expected = expected;
    }

    /** The kernel command line name, e.g. {@code mosip4}. */
    public String key() {
        return key;
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
