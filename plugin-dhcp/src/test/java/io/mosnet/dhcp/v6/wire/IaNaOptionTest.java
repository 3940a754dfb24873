package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class IaNaOptionTest {

    @Test
    void readsKeaIaNa() {
        IaNaOption ia = Dhcp6Message.parse(Captured.keaReply()).options()
                .decode(OptionCode.IA_NA, IaNaOption::decode).orElseThrow();

        assertEquals(0x45de0fa1L, ia.iaid());
        assertEquals(Lifetime.ofSeconds(20), ia.t1());
        assertEquals(Lifetime.ofSeconds(32), ia.t2());
        assertEquals(1, ia.addresses().size());
        IaAddressOption a = ia.addresses().getFirst();
        assertEquals("2001:db8:1::100", IpAddresses.format(a.address()));
        assertEquals(Lifetime.ofSeconds(40), a.preferred());
        assertEquals(Lifetime.ofSeconds(60), a.valid());
        assertNull(ia.status());
        assertTrue(ia.hasValidTimers());
    }

    @Test
    void encodesRequestWithZeroTimers() {
        IaNaOption ia = IaNaOption.request(0x45de0fa1L,
                List.of(IaAddressOption.request(IpAddresses.parseIpv6("2001:db8:1::100"))));

        assertArrayEquals(hex("45de0fa1 00000000 00000000 00050018 20010db8000100000000000000000100 00000000"
                + " 00000000"), ia.encode());
    }

    @Test
    void t1AboveT2IsInvalidOnlyWhenBothAreSet() {
        assertFalse(ia(100, 50).hasValidTimers());
        assertTrue(ia(100, 0).hasValidTimers());
        assertTrue(ia(0, 50).hasValidTimers());
        assertTrue(ia(50, 50).hasValidTimers());
    }

    @Test
    void readsStatusCodeInside() {
        IaNaOption ia = IaNaOption.decode(hex("00000001 00000000 00000000 000d000e 0002 6e6f206164647265737365"
                + "73"));

        assertEquals(StatusCodeOption.NO_ADDRS_AVAIL, ia.status().code());
        assertEquals("no addresses", ia.status().message());
        assertTrue(ia.addresses().isEmpty());
    }

    @Test
    void capsTheNumberOfAddresses() {
        List<IaAddressOption> many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> {
            byte[] b = IpAddresses.parseIpv6("2001:db8::").getAddress();
            b[15] = (byte) i;
            return new IaAddressOption(WireReader.toIpv6(b), Lifetime.ofSeconds(1), Lifetime.ofSeconds(2), null);
        }).toList();
        IaNaOption ia = IaNaOption.decode(new IaNaOption(1, Lifetime.ZERO, Lifetime.ZERO, many, null, 0).encode());

        assertEquals(IaNaOption.MAX_ADDRESSES, ia.addresses().size());
        assertEquals(40 - IaNaOption.MAX_ADDRESSES, ia.dropped());
    }

    @Test
    void rejectsShortIaAndBrokenAddressInside() {
        assertRejected("T2", () -> IaNaOption.decode(hex("00000001 00000000 0000")));
        assertRejected("preferred-lifetime", () -> IaNaOption.decode(hex("00000001 00000000 00000000 00050010"
                + " 20010db8000100000000000000000100")));
    }

    private static IaNaOption ia(long t1, long t2) {
        return IaNaOption.decode(ByteBuffer.allocate(12).putInt(1).putInt((int) t1).putInt((int) t2).array());
    }

    static Inet6Address addr(String s) {
        return IpAddresses.parseIpv6(s);
    }
}
