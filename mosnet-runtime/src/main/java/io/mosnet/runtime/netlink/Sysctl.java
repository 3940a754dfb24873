package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sysctl keys to /proc/sys paths, following sysctl.d(5): in the dotted form ({@code net.ipv4.conf.mos.proxy_arp})
 * dots separate the levels and a slash stands for a dot inside a level, so the VLAN interface {@code eth0.100} is
 * written {@code net.ipv4.conf.eth0/100.rp_filter}. A key whose first separator is a slash is already a path
 * ({@code net/ipv4/conf/eth0.100/rp_filter}) and is used as it is. Interface names cannot contain a slash, so both
 * forms reach every interface.
 */
final class Sysctl {

    private static final String ROOT = "/proc/sys/";

    private Sysctl() {
    }

    /** {@code net.ipv4.conf.mos.proxy_arp} to {@code /proc/sys/net/ipv4/conf/mos/proxy_arp}. */
    static String path(String key) {
        if (key == null || key.isBlank()) {
            throw new NetworkException("an empty sysctl key names nothing", 22);
        }
        int dot = key.indexOf('.');
        int slash = key.indexOf('/');
        boolean pathForm = slash >= 0 && (dot < 0 || slash < dot);
        String rel;
        if (pathForm) {
            rel = key;
        } else {
            StringBuilder s = new StringBuilder(key.length());
            for (char c : key.toCharArray()) {
                s.append(c == '.' ? '/' : c == '/' ? '.' : c);
            }
            rel = s.toString();
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new NetworkException("sysctl key '" + key + "' has an empty or relative level", 22);
            }
        }
        return ROOT + rel;
    }

    static Optional<String> read(String key) {
        byte[] data = LinuxNative.readFile(path(key), "read sysctl " + key);
        if (data == null) {
            return Optional.empty();
        }
        String s = new String(data, StandardCharsets.UTF_8);
        return Optional.of(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    }

    static void write(String key, String value) {
        LinuxNative.writeFile(path(key), (value + "\n").getBytes(StandardCharsets.UTF_8),
                "write sysctl " + key + "=" + value);
    }
}
