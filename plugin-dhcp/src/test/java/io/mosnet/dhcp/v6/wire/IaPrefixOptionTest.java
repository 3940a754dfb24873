package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class IaPrefixOptionTest {

    @Test
    void readsKeaPrefix() {
        IaPrefixOption p = IaPrefixOption.decode(hex("00000028 0000003c 38 20010db8010000000000000000000000"));

        assertEquals("2001:db8:100::/56", p.prefix().toString());
        assertEquals(Lifetime.ofSeconds(40), p.preferred());
        assertTrue(p.isUsable());
    }

    @Test
    void rejectsPrefixLengthOver128() {
        assertRejected("prefix length 129 is over 128",
                () -> IaPrefixOption.decode(hex("00000028 0000003c 81 20010db8010000000000000000000000")));
        assertRejected("prefix length 255",
                () -> IaPrefixOption.decode(hex("00000028 0000003c ff 20010db8010000000000000000000000")));
    }

    @Test
    void clearsHostBits() {
        IaPrefixOption p = IaPrefixOption.decode(hex("00000028 0000003c 30 20010db80100ffff0000000000000001"));

        assertEquals("2001:db8:100::/48", p.prefix().toString());
    }

    @Test
    void keepsIpv4MappedPrefixIpv6() {
        IaPrefixOption p = IaPrefixOption.decode(hex("00000028 0000003c 60 00000000000000000000ffff0a000001"));

        assertTrue(p.prefix().address() instanceof Inet6Address);
        assertEquals(96, p.prefix().prefixLength());
    }

    @Test
    void zeroValidAndPreferredAboveValidAreUnusable() {
        assertFalse(IaPrefixOption.decode(hex("00000000 00000000 38 20010db8010000000000000000000000")).isUsable());
        assertFalse(IaPrefixOption.decode(hex("00000064 00000010 38 20010db8010000000000000000000000")).isUsable());
    }

    @Test
    void roundTrips() {
        byte[] wire = hex("ffffffff ffffffff 38 20010db8010000000000000000000000");
        assertArrayEquals(wire, IaPrefixOption.decode(wire).encode());
    }

    @Test
    void rejectsTruncatedPrefix() {
        assertRejected("IPv6-prefix", () -> IaPrefixOption.decode(hex("00000028 0000003c 38 20010db8")));
    }
}
