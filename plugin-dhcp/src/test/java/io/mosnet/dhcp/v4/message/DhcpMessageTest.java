package io.mosnet.dhcp.v4.message;

import static io.mosnet.dhcp.v4.message.RawMessage.bytes;
import static io.mosnet.dhcp.v4.message.RawMessage.reply;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.DomainSearchOption;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.ServerIdOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpMessageTest {

    @Test
    void roundTripsAMessage() {
        DhcpOptions o = DhcpOptions.builder()
                .put(OptionCode.MESSAGE_TYPE, MessageType.ACK.encode())
                .put(OptionCode.SERVER_ID, ServerIdOption.encode(IpAddresses.parseIpv4("10.0.0.1")))
                .build();
        DhcpMessage m = new DhcpMessage(DhcpMessage.BOOTREPLY, 0xdeadbeef, 3, true, null,
                IpAddresses.parseIpv4("10.0.0.5"), null, IpAddresses.parseIpv4("10.0.0.254"),
                MacAddress.parse("52:54:00:12:34:56"), o);
        byte[] wire = m.encode();
        assertEquals(300, wire.length, "padded to the BOOTP minimum");
        DhcpMessage back = DhcpMessage.parse(wire);
        assertEquals(m.xid(), back.xid());
        assertEquals(3, back.secs());
        assertTrue(back.broadcast());
        assertEquals(m.yiaddr(), back.yiaddr());
        assertEquals(m.giaddr(), back.giaddr());
        assertEquals(m.chaddr(), back.chaddr());
        assertEquals(MessageType.ACK, back.type());
        assertEquals(m.serverId(), back.serverId());
    }

    @Test
    void rejectsAMessageShorterThanTheHeader() {
        DhcpParseException e = assertThrows(DhcpParseException.class, () -> DhcpMessage.parse(new byte[239]));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }

    @Test
    void rejectsAnOversizedMessage() {
        byte[] big = new byte[DhcpMessage.MAX_MESSAGE + 1];
        System.arraycopy(reply(255), 0, big, 0, 241);
        DhcpParseException e = assertThrows(DhcpParseException.class, () -> DhcpMessage.parse(big));
        assertTrue(e.getMessage().contains("larger"), e.getMessage());
    }

    @Test
    void rejectsAWrongMagicCookie() {
        byte[] m = reply(255);
        m[DhcpMessage.COOKIE_OFFSET] = 0;
        assertThrows(DhcpParseException.class, () -> DhcpMessage.parse(m));
    }

    @Test
    void rejectsNonEthernetHardware() {
        byte[] m = reply(255);
        m[2] = 20;
        assertThrows(DhcpParseException.class, () -> DhcpMessage.parse(m));
    }

    @Test
    void rejectsAnOptionRunningPastTheEnd() {
        DhcpParseException e = assertThrows(DhcpParseException.class,
                () -> DhcpMessage.parse(reply(53, 1, 5, 6, 10, 1, 2, 3)));
        assertTrue(e.getMessage().contains("option 6") && e.getMessage().contains("claims 10"), e.getMessage());
    }

    @Test
    void rejectsAnOptionWithoutItsLengthByte() {
        assertThrows(DhcpParseException.class, () -> DhcpMessage.parse(reply(53, 1, 5, 6)));
    }

    @Test
    void toleratesAMissingEndOptionAndTrailingPad() {
        DhcpMessage m = DhcpMessage.parse(reply(53, 1, 2, 0, 0));
        assertEquals(MessageType.OFFER, m.type());
        DhcpMessage afterEnd = DhcpMessage.parse(reply(53, 1, 2, 255, 54, 99));
        assertFalse(afterEnd.options().has(OptionCode.SERVER_ID), "nothing after End is read");
    }

    @Test
    void concatenatesRepeatedOptionsPerRfc3396() {
        // The RFC 3397 example split over three instances of option 119, as in the RFC's figure.
        byte[] m = reply(53, 1, 5,
                119, 9, 3, 'e', 'n', 'g', 5, 'a', 'p', 'p', 'l',
                119, 9, 'e', 3, 'c', 'o', 'm', 0, 9, 'm', 'a',
                119, 9, 'r', 'k', 'e', 't', 'i', 'n', 'g', 0xc0, 0x04, 255);
        DhcpMessage parsed = DhcpMessage.parse(m);
        assertEquals(List.of("eng.apple.com", "marketing.apple.com"),
                parsed.options().decode(OptionCode.DOMAIN_SEARCH, DomainSearchOption::decode).orElseThrow());
    }

    @Test
    void readsOverloadedFileThenSnameFields() {
        byte[] file = bytes(54, 4, 10, 0, 0, 1, 6, 4, 1, 1, 1, 1, 255);
        byte[] sname = bytes(6, 4, 2, 2, 2, 2, 255);
        DhcpMessage m = DhcpMessage.parse(reply(file, sname, 53, 1, 5, 52, 1, 3, 6, 4, 9, 9, 9, 9, 255));
        assertEquals(IpAddresses.parseIpv4("10.0.0.1"), m.serverId().orElseThrow());
        // options field first, then file, then sname (RFC 3396 section 7).
        assertArrayEquals(bytes(9, 9, 9, 9, 1, 1, 1, 1, 2, 2, 2, 2), m.options().raw(OptionCode.DNS_SERVERS).get());
    }

    @Test
    void ignoresFileAndSnameWithoutOverload() {
        byte[] file = bytes(54, 4, 10, 0, 0, 1, 255);
        DhcpMessage m = DhcpMessage.parse(reply(file, new byte[0], 53, 1, 5, 255));
        assertTrue(m.serverId().isEmpty());
    }

    @Test
    void rejectsOverloadInsideTheOverloadedFields() {
        byte[] file = bytes(52, 1, 2, 255);
        assertThrows(DhcpParseException.class,
                () -> DhcpMessage.parse(reply(file, new byte[0], 53, 1, 5, 52, 1, 1, 255)));
    }

    @Test
    void rejectsAnOptionRunningPastTheFileField() {
        byte[] file = new byte[128];
        file[126] = 6;
        file[127] = 8;
        assertThrows(DhcpParseException.class,
                () -> DhcpMessage.parse(reply(file, new byte[0], 53, 1, 5, 52, 1, 1, 255)));
    }

    @Test
    void rejectsABadOverloadValue() {
        assertThrows(DhcpParseException.class, () -> DhcpMessage.parse(reply(53, 1, 5, 52, 1, 7, 255)));
    }

    @Test
    void aMessageWithoutType53IsRejectedWhenItsTypeIsAsked() {
        DhcpMessage m = DhcpMessage.parse(reply(255));
        assertThrows(DhcpParseException.class, m::type);
    }

    @Test
    void splitsOptionsLongerThan255BytesWhenEncoding() {
        byte[] longValue = new byte[300];
        for (int i = 0; i < longValue.length; i++) {
            longValue[i] = (byte) i;
        }
        DhcpOptions o = DhcpOptions.builder().put(OptionCode.MESSAGE_TYPE, MessageType.ACK.encode())
                .put(224, longValue).build();
        DhcpMessage m = new DhcpMessage(DhcpMessage.BOOTREPLY, 1, 0, false, null, null, null, null,
                MacAddress.ZERO, o);
        byte[] wire = m.encode();
        assertEquals(224, wire[DhcpMessage.OPTIONS_OFFSET + 3] & 0xff);
        assertEquals(255, wire[DhcpMessage.OPTIONS_OFFSET + 4] & 0xff);
        assertArrayEquals(longValue, DhcpMessage.parse(wire).options().raw(224).orElseThrow());
    }
}
