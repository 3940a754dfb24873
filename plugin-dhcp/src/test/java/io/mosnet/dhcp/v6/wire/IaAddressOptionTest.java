package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import org.junit.jupiter.api.Test;

class IaAddressOptionTest {

    private static final String ADDR = "20010db8000100000000000000000100";

    @Test
    void readsInfiniteLifetimes() {
        IaAddressOption a = IaAddressOption.decode(hex(ADDR + "ffffffff ffffffff"));

        assertTrue(a.preferred().isInfinite());
        assertTrue(a.valid().isInfinite());
        assertTrue(a.isUsable());
    }

    @Test
    void validLifetimeZeroMeansTheAddressGoes() {
        assertFalse(IaAddressOption.decode(hex(ADDR + "00000000 00000000")).isUsable());
    }

    @Test
    void preferredAboveValidIsDiscarded() {
        assertFalse(IaAddressOption.decode(hex(ADDR + "00000064 00000032")).isUsable());
        assertTrue(IaAddressOption.decode(hex(ADDR + "00000000 00000032")).isUsable());
    }

    @Test
    void failureStatusMakesItUnusable() {
        IaAddressOption a = IaAddressOption.decode(hex(ADDR + "00000064 000000c8 000d0002 0004"));

        assertEquals(StatusCodeOption.NOT_ON_LINK, a.status().code());
        assertFalse(a.isUsable());
    }

    @Test
    void keepsIpv4MappedAddressesIpv6() {
        IaAddressOption a = IaAddressOption.decode(hex("00000000000000000000ffff0a000001 00000001 00000002"));

        assertEquals("::ffff:a00:1", IpAddresses.format(a.address()));
    }

    @Test
    void roundTrips() {
        byte[] wire = hex(ADDR + "00000028 0000003c");
        assertArrayEquals(wire, IaAddressOption.decode(wire).encode());
    }

    @Test
    void rejectsTruncatedAddress() {
        assertRejected("IPv6-address", () -> IaAddressOption.decode(hex("20010db8")));
    }
}
