package io.mosnet.dhcp.v4.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnameOptionTest {

    @Test
    void acceptsRfc1123Names() {
        assertEquals("node-1", HostnameOption.decode("node-1".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("web01.lab.example", HostnameOption.decode("Web01.Lab.Example.".getBytes()));
        assertEquals("1host", HostnameOption.decode("1host".getBytes()), "RFC 1123 allows a leading digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-node", "node-", "a;rm -rf /", "$(reboot)", "name with space", "a..b", "tab\there",
            "under_score", "new\nline"})
    void rejectsNamesOutsideRfc1123(String name) {
        assertThrows(DhcpParseException.class, () -> HostnameOption.decode(name.getBytes(StandardCharsets.UTF_8)));
        assertThrows(DhcpParseException.class, () -> HostnameOption.encode(name));
    }

    @Test
    void rejectsOverlongLabelsAndNames() {
        assertThrows(DhcpParseException.class, () -> HostnameOption.encode("a".repeat(64)));
        assertThrows(DhcpParseException.class, () -> HostnameOption.encode(("a".repeat(60) + ".").repeat(5)));
        assertEquals("a".repeat(63), HostnameOption.encode("a".repeat(63)).length == 63 ? "a".repeat(63) : "");
    }

    @Test
    void domainNameDropsATrailingNul() {
        assertEquals("lab.example", DomainNameOption.decode("lab.example\0".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(DhcpParseException.class, () -> DomainNameOption.decode("lab example".getBytes()));
    }
}
