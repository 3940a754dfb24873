package io.mosnet.dhcp.v4.option;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClasslessRoutesOptionTest {

    static java.net.Inet4Address ip(String s) {
        return IpAddresses.parseIpv4(s);
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void decodesTheRfc3442DescriptorExamples() {
        byte[] data = bytes(
                0, 10, 0, 0, 1,
                8, 10, 10, 0, 0, 1,
                16, 10, 17, 10, 0, 0, 1,
                24, 10, 27, 129, 10, 0, 0, 1,
                25, 10, 229, 0, 128, 10, 0, 0, 1,
                32, 10, 198, 122, 47, 10, 0, 0, 1);
        List<ClasslessRoute> routes = ClasslessRoutesOption.decode(data);
        assertEquals(List.of("0.0.0.0/0 via 10.0.0.1", "10.0.0.0/8 via 10.0.0.1", "10.17.0.0/16 via 10.0.0.1",
                "10.27.129.0/24 via 10.0.0.1", "10.229.0.128/25 via 10.0.0.1", "10.198.122.47/32 via 10.0.0.1"),
                routes.stream().map(ClasslessRoute::toString).toList());
        assertTrue(routes.getFirst().isDefault());
        assertArrayEquals(data, ClasslessRoutesOption.encode(routes));
    }

    @Test
    void clearsBitsPastThePrefix() {
        assertEquals(ip("10.229.0.128"), ClasslessRoutesOption.decode(bytes(25, 10, 229, 0, 255, 1, 2, 3, 4))
                .getFirst().destination());
    }

    @Test
    void rejectsAPrefixLengthOver32() {
        DhcpParseException e = assertThrows(DhcpParseException.class,
                () -> ClasslessRoutesOption.decode(bytes(33, 10, 0, 0, 0, 0, 10, 0, 0, 1)));
        assertTrue(e.getMessage().contains("prefix length 33"), e.getMessage());
    }

    @Test
    void rejectsARouteRunningPastTheEnd() {
        assertThrows(DhcpParseException.class, () -> ClasslessRoutesOption.decode(bytes(24, 10, 0, 0, 10, 0, 0)));
        assertThrows(DhcpParseException.class,
                () -> ClasslessRoutesOption.decode(bytes(0, 10, 0, 0, 1, 8)));
    }

    @Test
    void rejectsAnOptionTooShortForOneRoute() {
        assertThrows(DhcpParseException.class, () -> ClasslessRoutesOption.decode(bytes(0, 10, 0)));
    }

    @Test
    void marksRouterZeroAsOnLink() {
        ClasslessRoute r = ClasslessRoutesOption.decode(bytes(16, 10, 9, 0, 0, 0, 0)).getFirst();
        assertTrue(r.onLink());
        assertEquals("10.9.0.0/16", r.toString());
    }
}
