package io.mosnet.runtime.config;

import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.NatSpec;
import io.mosnet.api.config.PortForward;
import io.mosnet.api.config.PortRule;
import io.mosnet.api.config.SecondaryUplink;
import io.mosnet.api.config.StaticIpv4;
import io.mosnet.api.config.StaticIpv6;
import io.mosnet.api.config.TransportProtocol;
import io.mosnet.api.config.VlanSpec;
import io.mosnet.api.net.IpAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates settings (kernel command line names, values as text) into a {@link MosnetConfig}. Every problem is
 * collected and reported at once, each naming the parameter, the bad value and what was expected:
 * {@code mosip4: '10.0.0.300' is not an IPv4 address}.
 */
public final class ConfigParser {

    /** Linux interface names: 1-15 bytes, no slash, colon or white space (dev_valid_name). */
    private static final Pattern IFNAME = Pattern.compile("[^/:\\s]{1,15}");
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final String SINGLE = "single";
    static final String VLAN = "vlan";
    static final String DUAL_NIC = "dual-nic";
    private static final List<Setting> SECOND_UPLINK = List.of(Setting.NIC2, Setting.IP4_2, Setting.IP6_2);
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** Named services of {@code mosfirewall}. */
    static final Map<String, List<PortRule>> SERVICES = services();

    private final List<String> problems = new ArrayList<>();

    private ConfigParser() {
    }

    /**
     * @param settings merged settings, command line over file
     * @param plugins  {@code [plugins.<id>]} tables of mosnet.toml
     * @throws ConfigException listing every problem
     */
    public static MosnetConfig parse(Map<Setting, String> settings, Map<String, Map<String, Object>> plugins) {
        return new ConfigParser().build(new EnumMap<>(settings), plugins);
    }

    private MosnetConfig build(EnumMap<Setting, String> s, Map<String, Map<String, Object>> plugins) {
        StaticIpv4 ip4 = s.containsKey(Setting.IP4) ? ipv4(Setting.IP4, s.get(Setting.IP4)) : null;
        StaticIpv6 ip6 = s.containsKey(Setting.IP6) ? ipv6(Setting.IP6, s.get(Setting.IP6)) : null;

        DhcpSettings d = DhcpSettings.defaults();
        Duration timeout = s.containsKey(Setting.DHCP_TIMEOUT) ? timeout(s.get(Setting.DHCP_TIMEOUT)) : d.timeout();
        boolean preferPrivate = bool(s, Setting.DHCP_PREFER_PRIVATE, d.preferPrivate());
        boolean classless = bool(s, Setting.DHCP_CLASSLESS_ROUTES, d.classlessRoutes());
        boolean rapid = bool(s, Setting.DHCP_RAPID_COMMIT, d.rapidCommit());
        String hostname = s.containsKey(Setting.DHCP_HOSTNAME) ? hostname(s.get(Setting.DHCP_HOSTNAME)) : null;
        boolean dhcp6 = bool(s, Setting.DHCP6, d.dhcpv6());
        String pd = s.getOrDefault(Setting.DHCP6_PD, "no").trim().toLowerCase(Locale.ROOT);
        if (!List.of("no", "yes", "assign").contains(pd)) {
            problem(Setting.DHCP6_PD, s.get(Setting.DHCP6_PD), "is not one of no, yes, assign");
        }
        DhcpSettings dhcp = new DhcpSettings(timeout, preferPrivate, classless, rapid, hostname, dhcp6,
                !pd.equals("no"), pd.equals("assign"));

        FirewallSpec firewall = s.containsKey(Setting.FIREWALL) ? firewall(s.get(Setting.FIREWALL))
                : FirewallSpec.absent();
        NatSpec nat = s.containsKey(Setting.NAT) ? nat(s.get(Setting.NAT)) : NatSpec.absent();
        String bridge = s.containsKey(Setting.BRIDGE) ? pluginId(Setting.BRIDGE, s.get(Setting.BRIDGE)) : null;
        List<String> nics = s.containsKey(Setting.NICS) ? nics(s.get(Setting.NICS)) : List.of();
        VlanSpec vlan = s.containsKey(Setting.VLAN) ? vlan(s.get(Setting.VLAN)) : null;
        String topology = topology(s, ip4, ip6);
        SecondaryUplink uplink2 = DUAL_NIC.equals(topology) ? uplink2(s, ip4, ip6) : null;

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MosnetConfig(ip4, ip6, dhcp, firewall, nat, bridge, MosnetConfig.DEFAULT_BRIDGE_NAME, topology,
                nics, plugins, vlan, uplink2);
    }

    // ---- topology: mostopology, mosvlan, mosnic2, mosip4_2, mosip6_2

    /**
     * The topology follows from the settings as the mode does, unless {@code mostopology} names it: {@code vlan}
     * with {@code mosvlan}, {@code dual-nic} with a second uplink's setting, {@code single} otherwise. The built-in
     * topologies refuse settings of another one; a third-party topology gets them all.
     */
    private String topology(Map<Setting, String> s, StaticIpv4 ip4, StaticIpv6 ip6) {
        boolean vlan = s.containsKey(Setting.VLAN);
        List<Setting> second = SECOND_UPLINK.stream().filter(s::containsKey).toList();
        if (vlan && !second.isEmpty()) {
            problem(Setting.VLAN, s.get(Setting.VLAN), "belongs to the vlan topology, "
                    + second.get(0).key() + " to dual-nic; a host has one topology");
        }
        if (!s.containsKey(Setting.TOPOLOGY)) {
            return vlan ? VLAN : !second.isEmpty() ? DUAL_NIC : SINGLE;
        }
        String id = pluginId(Setting.TOPOLOGY, s.get(Setting.TOPOLOGY));
        if (id == null) {
            return SINGLE;
        }
        if (id.equals(VLAN) && !vlan) {
            problem(Setting.TOPOLOGY, s.get(Setting.TOPOLOGY), "needs mosvlan=" + Setting.VLAN.expected());
        }
        if (vlan && (id.equals(SINGLE) || id.equals(DUAL_NIC))) {
            problem(Setting.VLAN, s.get(Setting.VLAN), "needs mostopology=vlan (mostopology is '" + id + "')");
        }
        if (!second.isEmpty() && (id.equals(SINGLE) || id.equals(VLAN))) {
            problem(second.get(0), s.get(second.get(0)), "needs mostopology=dual-nic (mostopology is '" + id + "')");
        }
        return id;
    }

    private VlanSpec vlan(String value) {
        String[] f = value.split(",", -1);
        if (f.length > 2) {
            problem(Setting.VLAN, value, "has " + f.length + " fields, expected " + Setting.VLAN.expected());
            return null;
        }
        Integer id = integer(Setting.VLAN, f[0], 1, 4094, "a VLAN id 1-4094 (Hetzner vSwitch: 4000-4091)");
        Integer mtu = f.length == 2 ? integer(Setting.VLAN, f[1], 68, 65535, "an MTU 68-65535 (Hetzner vSwitch: 1400)")
                : Integer.valueOf(0);
        return id == null || mtu == null ? null : new VlanSpec(id, mtu);
    }

    /** The second uplink: pinned or probed, static or DHCP; never the primary's pinned NIC. */
    private SecondaryUplink uplink2(Map<Setting, String> s, StaticIpv4 ip4, StaticIpv6 ip6) {
        String nic = s.containsKey(Setting.NIC2) ? ifname(Setting.NIC2, s.get(Setting.NIC2)) : null;
        StaticIpv4 v4 = s.containsKey(Setting.IP4_2) ? ipv4(Setting.IP4_2, s.get(Setting.IP4_2)) : null;
        StaticIpv6 v6 = s.containsKey(Setting.IP6_2) ? ipv6(Setting.IP6_2, s.get(Setting.IP6_2)) : null;
        String v4dev = v4 == null ? null : v4.device();
        String v6dev = v6 == null ? null : v6.device();
        if (nic != null && v4dev != null && !nic.equals(v4dev) || nic != null && v6dev != null && !nic.equals(v6dev)
                || v4dev != null && v6dev != null && !v4dev.equals(v6dev)) {
            problem(Setting.NIC2, String.valueOf(nic != null ? nic : v4dev), "disagrees with the device of "
                    + "mosip4_2/mosip6_2; the second uplink is one NIC");
        }
        String pinned = nic != null ? nic : v4dev != null ? v4dev : v6dev;
        String primary = ip4 != null && ip4.device() != null ? ip4.device() : ip6 != null ? ip6.device() : null;
        if (pinned != null && pinned.equals(primary)) {
            problem(Setting.NIC2, pinned, "is the primary uplink's device too; dual-nic needs two NICs");
        }
        if (pinned != null) {
            // A pinned NIC is the static addresses' device: no probe, as with mosip4's device field.
            v4 = v4 == null ? null : new StaticIpv4(v4.address(), v4.gateway(), v4.prefixLength(), pinned);
            v6 = v6 == null ? null : new StaticIpv6(v6.address(), v6.prefixLength(), v6.gateway(), pinned);
        }
        return new SecondaryUplink(pinned, v4, v6);
    }

    // ---- mosip4 / mosip6 (and mosip4_2 / mosip6_2)

    private StaticIpv4 ipv4(Setting setting, String value) {
        String[] f = value.split(",", -1);
        if (f.length < 3 || f.length > 4) {
            problem(setting, value, "has " + f.length + " fields, expected " + setting.expected());
            return null;
        }
        Inet4Address addr = ipv4Field(setting, f[0]);
        Inet4Address gw = ipv4Field(setting, f[1]);
        Integer prefix = netmask(setting, f[2]);
        String dev = f.length == 4 ? ifname(setting, f[3]) : null;
        if (addr == null || gw == null || prefix == null || (f.length == 4 && dev == null)) {
            return null;
        }
        return new StaticIpv4(addr, gw, prefix, dev);
    }

    private StaticIpv6 ipv6(Setting setting, String value) {
        String[] f = value.split(",", -1);
        if (f.length < 2 || f.length > 3) {
            problem(setting, value, "has " + f.length + " fields, expected " + setting.expected());
            return null;
        }
        int slash = f[0].indexOf('/');
        if (slash < 0) {
            problem(setting, f[0], "has no prefix length, expected <addr>/<prefix> such as 2001:db8::1/64");
            return null;
        }
        Inet6Address addr = ipv6Field(setting, f[0].substring(0, slash));
        Integer prefix = integer(setting, f[0].substring(slash + 1), 1, 128, "a prefix length 1-128");
        Inet6Address gw = ipv6Field(setting, f[1]);
        String dev = f.length == 3 ? ifname(setting, f[2]) : null;
        if (addr == null || prefix == null || gw == null || (f.length == 3 && dev == null)) {
            return null;
        }
        return new StaticIpv6(addr, prefix, gw, dev);
    }

    private Inet4Address ipv4Field(Setting s, String text) {
        try {
            return IpAddresses.parseIpv4(text.trim());
        } catch (IllegalArgumentException e) {
            problem(s, text, "is not an IPv4 address");
            return null;
        }
    }

    private Inet6Address ipv6Field(Setting s, String text) {
        try {
            return IpAddresses.parseIpv6(text.trim());
        } catch (IllegalArgumentException e) {
            problem(s, text, "is not an IPv6 address");
            return null;
        }
    }

    /** A dotted netmask with contiguous ones ({@code 255.255.255.0}) or a prefix length ({@code 24}). */
    private Integer netmask(Setting s, String text) {
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit) && !t.isEmpty() && t.length() <= 2) {
            return integer(s, t, 0, 32, "a netmask such as 255.255.255.0 or a prefix length 0-32");
        }
        Inet4Address mask;
        try {
            mask = IpAddresses.parseIpv4(t);
        } catch (IllegalArgumentException e) {
            problem(s, text, "is not a netmask, expected e.g. 255.255.255.0 or 24");
            return null;
        }
        byte[] b = mask.getAddress();
        int bits = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int len = Integer.bitCount(bits);
        if (bits != (len == 0 ? 0 : -1 << (32 - len))) {
            problem(s, text, "is not a netmask (its one bits are not contiguous)");
            return null;
        }
        return len;
    }

    // ---- DHCP

    private Duration timeout(String value) {
        Integer secs = integer(Setting.DHCP_TIMEOUT, value, 1, 3600, "a whole number of seconds 1-3600");
        return secs == null ? DhcpSettings.defaults().timeout() : Duration.ofSeconds(secs);
    }

    private String hostname(String value) {
        String v = value.trim();
        boolean ok = !v.isEmpty() && v.length() <= 253;
        for (String label : v.split("\\.", -1)) {
            ok &= HOST_LABEL.matcher(label).matches();
        }
        if (!ok) {
            problem(Setting.DHCP_HOSTNAME, value, "is not a hostname (letters, digits and inner hyphens, "
                    + "labels of 1-63 separated by dots)");
            return null;
        }
        return v;
    }

    // ---- firewall and NAT

    private FirewallSpec firewall(String value) {
        List<PortRule> rules = new ArrayList<>();
        FirewallSpec.Policy policy = FirewallSpec.Policy.DROP;
        String[] items = value.split(",", -1);
        for (String raw : items) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                problem(Setting.FIREWALL, value, "has an empty item, expected " + Setting.FIREWALL.expected());
            } else if (item.equals("none")) {
                if (items.length > 1) {
                    problem(Setting.FIREWALL, value, "combines 'none' with other items; 'none' stands alone");
                }
                policy = FirewallSpec.Policy.NONE;
            } else if (item.equals("permissive")) {
                policy = FirewallSpec.Policy.PERMISSIVE;
            } else if (SERVICES.containsKey(item)) {
                rules.addAll(SERVICES.get(item));
            } else if (item.contains("/")) {
                PortRule r = portRule(raw.trim());
                if (r != null) {
                    rules.add(r);
                }
            } else {
                problem(Setting.FIREWALL, raw, "is not a known service, expected one of "
                        + String.join(", ", SERVICES.keySet()) + ", none, permissive or <port>/tcp|udp");
            }
        }
        return new FirewallSpec(policy, policy == FirewallSpec.Policy.NONE ? List.of() : rules.stream().distinct().toList());
    }

    private PortRule portRule(String item) {
        String[] pp = item.split("/", -1);
        if (pp.length != 2) {
            problem(Setting.FIREWALL, item, "is not <port>/tcp|udp");
            return null;
        }
        Integer port = integer(Setting.FIREWALL, pp[0], 1, 65535, "a port 1-65535");
        TransportProtocol proto = protocol(Setting.FIREWALL, pp[1]);
        return port == null || proto == null ? null : new PortRule(null, port, proto);
    }

    private NatSpec nat(String value) {
        String[] items = value.split(",", -1);
        String head = items[0].trim();
        NatSpec.Masquerade mode;
        String iface = null;
        if (head.equals("none")) {
            mode = NatSpec.Masquerade.NONE;
            if (items.length > 1) {
                problem(Setting.NAT, value, "combines 'none' with port forwards; 'none' stands alone");
            }
        } else if (head.equals("snat")) {
            mode = NatSpec.Masquerade.DEFAULT_ROUTE;
        } else if (head.isEmpty()) {
            problem(Setting.NAT, value, "has no masquerade interface, expected " + Setting.NAT.expected());
            mode = NatSpec.Masquerade.NONE;
        } else {
            mode = NatSpec.Masquerade.INTERFACE;
            iface = ifname(Setting.NAT, head);
        }
        List<PortForward> forwards = new ArrayList<>();
        for (int i = 1; i < items.length; i++) {
            PortForward f = portForward(items[i].trim());
            if (f != null) {
                forwards.add(f);
            }
        }
        return new NatSpec(mode, iface, forwards);
    }

    private PortForward portForward(String item) {
        String expected = "<ext>:<ip>:<int>/<tcp|udp> such as 8080:192.168.1.100:80/tcp";
        if (item.isEmpty()) {
            problem(Setting.NAT, item, "is an empty port forward, expected " + expected);
            return null;
        }
        int slash = item.lastIndexOf('/');
        String[] f = (slash < 0 ? item : item.substring(0, slash)).split(":", -1);
        if (slash < 0 || f.length != 3) {
            problem(Setting.NAT, item, "is not a port forward, expected " + expected);
            return null;
        }
        Integer ext = integer(Setting.NAT, f[0], 1, 65535, "an external port 1-65535");
        Inet4Address ip = ipv4Field(Setting.NAT, f[1]);
        Integer in = integer(Setting.NAT, f[2], 1, 65535, "an internal port 1-65535");
        TransportProtocol proto = protocol(Setting.NAT, item.substring(slash + 1));
        if (ext == null || ip == null || in == null || proto == null) {
            return null;
        }
        return new PortForward(ext, ip, in, proto);
    }

    private TransportProtocol protocol(Setting s, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "tcp" -> TransportProtocol.TCP;
            case "udp" -> TransportProtocol.UDP;
            default -> {
                problem(s, text, "is not a protocol, expected tcp or udp");
                yield null;
            }
        };
    }

    // ---- plugins and NICs

    private String pluginId(Setting s, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!PLUGIN_ID.matcher(v).matches()) {
            problem(s, value, "is not a plugin id, expected " + s.expected());
            return null;
        }
        return v;
    }

    private List<String> nics(String value) {
        List<String> out = new ArrayList<>();
        for (String n : value.split(",", -1)) {
            String name = ifname(Setting.NICS, n);
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    private String ifname(Setting s, String text) {
        String t = text.trim();
        if (!IFNAME.matcher(t).matches() || t.equals(".") || t.equals("..")) {
            problem(s, text, "is not an interface name (1-15 characters without '/', ':' or spaces)");
            return null;
        }
        return t;
    }

    // ---- primitives

    private boolean bool(Map<Setting, String> s, Setting key, boolean def) {
        String v = s.get(key);
        if (v == null) {
            return def;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            case "no", "false", "0", "off" -> false;
            default -> {
                problem(key, v, "is not yes or no");
                yield def;
            }
        };
    }

    private Integer integer(Setting s, String text, int min, int max, String expected) {
        String t = text.trim();
        try {
            int v = Integer.parseInt(t);
            if (v >= min && v <= max && !t.startsWith("+")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(s, text, "is not " + expected);
        return null;
    }

    private void problem(Setting s, String value, String what) {
        problems.add(s.key() + ": '" + value + "' " + what);
    }

    private static Map<String, List<PortRule>> services() {
        Map<String, List<PortRule>> m = new LinkedHashMap<>();
        m.put("ssh", List.of(new PortRule("ssh", 22, TransportProtocol.TCP)));
        m.put("http", List.of(new PortRule("http", 80, TransportProtocol.TCP)));
        m.put("https", List.of(new PortRule("https", 443, TransportProtocol.TCP)));
        m.put("dns", List.of(new PortRule("dns", 53, TransportProtocol.UDP), new PortRule("dns", 53, TransportProtocol.TCP)));
        m.put("dhcp", List.of(new PortRule("dhcp", 67, TransportProtocol.UDP), new PortRule("dhcp", 68, TransportProtocol.UDP)));
        return java.util.Collections.unmodifiableMap(m);
    }
}
