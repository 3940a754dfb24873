package io.mosnet.ovs;

import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.plugin.MosnetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin's settings, from {@code [plugins.ovs]} of mosnet.toml ({@link MosnetConfig#pluginSettings}):
 * <ul>
 *   <li>{@code ovsdb}: ovsdb-server's socket, {@code unix:/path} (default {@value #DEFAULT_OVSDB}; mosnetd's
 *       {@code --ovsdb} fills it)</li>
 *   <li>{@code rundir}: ovs-vswitchd's run directory holding {@code <bridge>.mgmt} and the unixctl socket (default
 *       {@value #DEFAULT_RUNDIR})</li>
 *   <li>{@code unixctl}: ovs-vswitchd's control socket, when not {@code <rundir>/ovs-vswitchd.<pid>.ctl}</li>
 *   <li>{@code datapath_type}: {@code system} or {@code netdev}, to override the choice made from
 *       {@code /sys/module/openvswitch}</li>
 *   <li>{@code timeout_ms}: how long to wait for OVSDB, vswitchd and the first flow install (default 10000)</li>
 * </ul>
 */
public record OvsSettings(String ovsdb, Path rundir, Path unixctl, String datapathType, Duration timeout) {

    public static final String PLUGIN_ID = "ovs";
    public static final String DEFAULT_OVSDB = "unix:/var/run/openvswitch/db.sock";
    public static final String DEFAULT_RUNDIR = "/var/run/openvswitch";

    public static OvsSettings from(MosnetConfig config) {
        return from(config.pluginSettings(PLUGIN_ID));
    }

    public static OvsSettings from(Map<String, Object> s) {
        String ovsdb = text(s, "ovsdb", DEFAULT_OVSDB);
        Path rundir = Path.of(text(s, "rundir", DEFAULT_RUNDIR));
        String unixctl = text(s, "unixctl", null);
        String dp = text(s, "datapath_type", null);
        if (dp != null) {
            dp = dp.toLowerCase(Locale.ROOT);
            if (!dp.equals("system") && !dp.equals("netdev")) {
                throw new MosnetException("[plugins.ovs] datapath_type must be 'system' or 'netdev', got '" + dp + "'");
            }
        }
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(text(s, "timeout_ms", "10000"));
        } catch (NumberFormatException e) {
            throw new MosnetException("[plugins.ovs] timeout_ms must be a number of milliseconds, got '"
                    + s.get("timeout_ms") + "'", e);
        }
        return new OvsSettings(ovsdb, rundir, unixctl == null ? null : Path.of(unixctl), dp,
                Duration.ofMillis(timeoutMs));
    }

    /** ovs-vswitchd's OpenFlow management socket for {@code bridge}. */
    public Path managementSocket(String bridge) {
        return rundir.resolve(bridge + ".mgmt");
    }

    private static String text(Map<String, Object> s, String key, String fallback) {
        Object v = s.get(key);
        return v == null ? fallback : v.toString();
    }
}
