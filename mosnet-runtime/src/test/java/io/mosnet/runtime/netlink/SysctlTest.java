package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mosnet.api.net.NetworkException;
import org.junit.jupiter.api.Test;

class SysctlTest {

    @Test
    void mapsDottedKeysToProcSys() {
        assertEquals("/proc/sys/net/ipv4/conf/mos/proxy_arp", Sysctl.path("net.ipv4.conf.mos.proxy_arp"));
    }

    @Test
    void readsSlashInDottedKeyAsDotInInterfaceName() {
        assertEquals("/proc/sys/net/ipv4/conf/eth0.100/rp_filter", Sysctl.path("net.ipv4.conf.eth0/100.rp_filter"));
    }

    @Test
    void takesPathFormAsItIs() {
        assertEquals("/proc/sys/net/ipv4/conf/eth0.100/rp_filter", Sysctl.path("net/ipv4/conf/eth0.100/rp_filter"));
    }

    @Test
    void rejectsEmptyAndRelativeLevels() {
        assertThrows(NetworkException.class, () -> Sysctl.path("net..ipv4"));
        assertThrows(NetworkException.class, () -> Sysctl.path("net/../../etc/shadow"));
        assertThrows(NetworkException.class, () -> Sysctl.path(""));
    }
}
