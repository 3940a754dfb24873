package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class Dhcp6MessageTest {

    @Test
    void readsKeaAdvertise() {
        Dhcp6Message m = Dhcp6Message.parse(Captured.keaAdvertise());

        assertEquals(MessageType.ADVERTISE, m.type());
        assertEquals("993458", m.transactionIdHex());
        assertEquals(List.of(OptionCode.CLIENTID, OptionCode.SERVERID, OptionCode.IA_NA, OptionCode.DNS_SERVERS,
                        OptionCode.DOMAIN_LIST, OptionCode.IA_PD),
                m.options().all().stream().map(Dhcp6Options.Option::code).toList());
        assertEquals("0002000009bf6d6f736e6574",
                m.options().decode(OptionCode.SERVERID, ServerIdOption::decode).orElseThrow().hex());
    }

    @Test
    void reEncodesEveryCapturedMessageByteForByte() {
        for (byte[] wire : Captured.keaExchange()) {
            assertArrayEquals(wire, Dhcp6Message.parse(wire).encode());
        }
    }

    @Test
    void encodesHeaderWith24BitTransactionId() {
        Dhcp6Message m = new Dhcp6Message(MessageType.SOLICIT, 0xabcdef,
                Dhcp6Options.builder().add(OptionCode.RAPID_COMMIT, new byte[0]).build());

        assertArrayEquals(hex("01abcdef 000e0000"), m.encode());
    }

    @Test
    void rejectsMessageShorterThanItsHeader() {
        assertRejected("transaction-id", () -> Dhcp6Message.parse(hex("0112")));
        assertRejected("msg-type", () -> Dhcp6Message.parse(new byte[0]));
    }

    @Test
    void rejectsOptionHeaderThatDoesNotFit() {
        assertRejected("option header at offset 0 needs 4 bytes, 3 left",
                () -> Dhcp6Message.parse(hex("07123456 000e00")));
    }

    @Test
    void rejectsOptionRunningPastEnd() {
        assertRejected("says 16 bytes, 4 left", () -> Dhcp6Message.parse(hex("07123456 00170010 20010db8")));
    }

    @Test
    void rejectsRelayAndUnknownMessages() {
        assertRejected("relay", () -> Dhcp6Message.parse(hex("0c000000")));
        assertRejected("unknown DHCPv6 message type 99", () -> Dhcp6Message.parse(hex("63000000")));
    }

    @Test
    void rejectsOversizedMessage() {
        assertRejected("at most", () -> Dhcp6Message.parse(new byte[70_000]));
    }

    @Test
    void capsTheNumberOfOptions() {
        byte[] many = new byte[4 + 4 * (Dhcp6Options.MAX_OPTIONS + 1)];
        many[0] = 7;
        for (int i = 4; i < many.length; i += 4) {
            many[i + 1] = 99;
        }
        assertRejected("more than 256 options", () -> Dhcp6Message.parse(many));
    }

    @Test
    void keepsRepeatedOptionsInOrder() {
        Dhcp6Options o = Dhcp6Options.parse(hex("00630001 01 00630001 02"), "test");

        assertEquals(2, o.every(99).size());
        assertArrayEquals(new byte[] {1}, o.first(99).orElseThrow());
        assertEquals(List.of((byte) 1, (byte) 2), o.decodeAll(99, d -> d[0]));
    }
}
