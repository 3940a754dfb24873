package io.mosnet.api.config;

import java.util.List;
import java.util.Map;

/**
 * The whole configuration, merged from mosnet.toml and the kernel command line (which wins).
 *
 * @param ipv4        {@code mosip4}, or null
 * @param ipv6        {@code mosip6}, or null
 * @param dhcp        DHCP mode settings
 * @param firewall    {@code mosfirewall}
 * @param nat         {@code mosnat}
 * @param bridge      {@code mosbridge}: a bridge backend id, or null for automatic (ovs if installed, else linux)
 * @param bridgeName  the bridge device, {@code mos}
 * @param topology    the topology plugin id, {@code single} by default
 * @param nics        NIC names to consider (empty: every physical NIC with a MAC)
 * @param plugins     free-form settings per plugin id, from {@code [plugins.<id>]} tables of mosnet.toml
 * @param vlan        {@code mosvlan}: the host's tagged VLAN in the {@code vlan} topology, or null
 * @param uplink2     the second uplink of the {@code dual-nic} topology, or null
 */
public record MosnetConfig(StaticIpv4 ipv4, StaticIpv6 ipv6, DhcpSettings dhcp, FirewallSpec firewall, NatSpec nat,
                           String bridge, String bridgeName, String topology, List<String> nics,
                           Map<String, Map<String, Object>> plugins, VlanSpec vlan, SecondaryUplink uplink2) {

    public static final String DEFAULT_BRIDGE_NAME = "mos";

    public MosnetConfig {
        nics = List.copyOf(nics);
        plugins = Map.copyOf(plugins);
    }

    /** A configuration of the {@code single} topology's settings only (no VLAN, no second uplink). */
    public MosnetConfig(StaticIpv4 ipv4, StaticIpv6 ipv6, DhcpSettings dhcp, FirewallSpec firewall, NatSpec nat,
                        String bridge, String bridgeName, String topology, List<String> nics,
                        Map<String, Map<String, Object>> plugins) {
        this(ipv4, ipv6, dhcp, firewall, nat, bridge, bridgeName, topology, nics, plugins, null, null);
    }

    /** This configuration with other plugin settings. */
    public MosnetConfig withPlugins(Map<String, Map<String, Object>> newPlugins) {
        return new MosnetConfig(ipv4, ipv6, dhcp, firewall, nat, bridge, bridgeName, topology, nics, newPlugins, vlan,
                uplink2);
    }

    public static MosnetConfig defaults() {
        return new MosnetConfig(null, null, DhcpSettings.defaults(), FirewallSpec.absent(), NatSpec.absent(), null,
                DEFAULT_BRIDGE_NAME, "single", List.of(), Map.of());
    }

    /** Static when mosip4 or mosip6 is present, DHCP otherwise. */
    public Mode mode() {
        return ipv4 != null || ipv6 != null ? Mode.STATIC : Mode.DHCP;
    }

    /** Settings of one plugin ({@code [plugins.<id>]}), empty when none were given. */
    public Map<String, Object> pluginSettings(String id) {
        return plugins.getOrDefault(id, Map.of());
    }
}
