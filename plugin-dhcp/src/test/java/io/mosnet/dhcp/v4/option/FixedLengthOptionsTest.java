package io.mosnet.dhcp.v4.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every fixed-size option refuses the wrong length, and the simple ones round-trip. */
class FixedLengthOptionsTest {

    @Test
    void subnetMaskBecomesAPrefixLength() {
        assertEquals(24, SubnetMaskOption.decodePrefixLength(SubnetMaskOption.encode(24)));
        assertEquals(0, SubnetMaskOption.decodePrefixLength(new byte[4]));
        assertEquals(32, SubnetMaskOption.decodePrefixLength(SubnetMaskOption.encode(32)));
    }

    @Test
    void rejectsANonContiguousSubnetMask() {
        DhcpParseException e = assertThrows(DhcpParseException.class,
                () -> SubnetMaskOption.decodePrefixLength(new byte[] {(byte) 255, 0, (byte) 255, 0}));
        assertTrue(e.getMessage().contains("255.0.255.0"), e.getMessage());
    }

    @Test
    void rejectsFixedSizeOptionsWithTheWrongLength() {
        assertThrows(DhcpParseException.class, () -> SubnetMaskOption.decodePrefixLength(new byte[3]));
        assertThrows(DhcpParseException.class, () -> InterfaceMtuOption.decode(new byte[3]));
        assertThrows(DhcpParseException.class, () -> LeaseTimeOption.decodeSeconds(new byte[2]));
        assertThrows(DhcpParseException.class, () -> RenewalTimeOption.decodeSeconds(new byte[5]));
        assertThrows(DhcpParseException.class, () -> RebindingTimeOption.decodeSeconds(new byte[0]));
        assertThrows(DhcpParseException.class, () -> ServerIdOption.decode(new byte[5]));
        assertThrows(DhcpParseException.class, () -> RequestedAddressOption.decode(new byte[3]));
        assertThrows(DhcpParseException.class, () -> MessageType.decode(new byte[2]));
        assertThrows(DhcpParseException.class, () -> OverloadOption.decode(new byte[0]));
        assertThrows(DhcpParseException.class, () -> RapidCommitOption.validate(new byte[1]));
        assertThrows(DhcpParseException.class, () -> MaxMessageSizeOption.decode(new byte[1]));
    }

    @Test
    void rejectsAddressListsThatAreNotMultiplesOfFour() {
        assertThrows(DhcpParseException.class, () -> RouterOption.decode(new byte[6]));
        assertThrows(DhcpParseException.class, () -> DnsServersOption.decode(new byte[0]));
        List<java.net.Inet4Address> two = List.of(IpAddresses.parseIpv4("10.0.0.1"), IpAddresses.parseIpv4("9.9.9.9"));
        assertEquals(two, DnsServersOption.decode(DnsServersOption.encode(two)));
    }

    @Test
    void rejectsAnMtuBelow68() {
        assertThrows(DhcpParseException.class, () -> InterfaceMtuOption.decode(InterfaceMtuOption.encode(67)));
        assertEquals(9000, InterfaceMtuOption.decode(InterfaceMtuOption.encode(9000)));
    }

    @Test
    void readsLeaseTimesAsUnsigned() {
        assertEquals(0xffff_ffffL, LeaseTimeOption.decodeSeconds(LeaseTimeOption.encode(LeaseTimeOption.INFINITE)));
        assertEquals(3_000_000_000L, LeaseTimeOption.decodeSeconds(LeaseTimeOption.encode(3_000_000_000L)));
    }

    @Test
    void rejectsUnknownMessageTypesAndOverloadValues() {
        assertThrows(DhcpParseException.class, () -> MessageType.decode(new byte[] {9}));
        assertThrows(DhcpParseException.class, () -> OverloadOption.decode(new byte[] {4}));
        assertEquals(MessageType.NAK, MessageType.decode(MessageType.NAK.encode()));
    }

    @Test
    void reducesServerMessagesToPrintableText() {
        assertEquals("bad?address", ServerMessageOption.decode("bad\naddress".getBytes()));
    }
}
