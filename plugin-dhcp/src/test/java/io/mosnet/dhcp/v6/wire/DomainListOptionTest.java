package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainListOptionTest {

    @Test
    void readsKeaSearchList() {
        DomainListOption d = Dhcp6Message.parse(Captured.keaReply()).options()
                .decode(OptionCode.DOMAIN_LIST, DomainListOption::decode).orElseThrow();

        assertEquals(List.of("lab.example", "example.org"), d.domains());
    }

    @Test
    void encodesUncompressed() {
        assertArrayEquals(hex("036c6162076578616d706c6500 076578616d706c65036f726700"),
                new DomainListOption(List.of("lab.example", "example.org.")).encode());
    }

    @Test
    void followsBackwardPointer() {
        // "example" at 0, then "lab" + pointer to offset 0.
        byte[] wire = hex("076578616d706c6500 036c6162 c000");
        assertEquals(List.of("example", "lab.example"), DomainListOption.decode(wire).domains());
    }

    @Test
    void rejectsPointerToItself() {
        assertRejected("compression loop", () -> DomainListOption.decode(hex("c000")));
    }

    @Test
    void rejectsForwardPointer() {
        assertRejected("does not point backwards", () -> DomainListOption.decode(hex("c002 00 00")));
    }

    @Test
    void rejectsLoopThroughLabels() {
        // Name 1 at 0: "a" then pointer to 0 again would be self-referential through a label.
        assertRejected("compression loop", () -> DomainListOption.decode(hex("0161 c000")));
    }

    @Test
    void rejectsNamesOver255Bytes() {
        byte[] wire = new byte[64 * 5 + 1];
        for (int i = 0; i < 5; i++) {
            wire[i * 64] = 63;
            Arrays.fill(wire, i * 64 + 1, i * 64 + 64, (byte) 'a');
        }
        assertRejected("longer than 255", () -> DomainListOption.decode(wire));
    }

    @Test
    void rejectsCharactersThatWouldBreakResolvConf() {
        assertRejected("not allowed in a host name", () -> DomainListOption.decode(hex("03 610a62 00")));
        assertRejected("not allowed in a host name", () -> DomainListOption.decode(hex("03 612062 00")));
        assertThrows(IllegalArgumentException.class, () -> new DomainListOption(List.of("a b.example")).encode());
    }

    @Test
    void rejectsTruncatedNameAndReservedLabelType() {
        assertRejected("runs past the end", () -> DomainListOption.decode(hex("05616263")));
        assertRejected("runs past the end", () -> DomainListOption.decode(hex("0161")));
        assertRejected("reserved", () -> DomainListOption.decode(hex("4000")));
        assertRejected("cut off", () -> DomainListOption.decode(hex("0161 c0")));
    }

    @Test
    void skipsRootAndCapsCount() {
        assertEquals(List.of(), DomainListOption.decode(hex("00 00")).domains());
        byte[] many = new byte[3 * 100];
        for (int i = 0; i < 100; i++) {
            many[3 * i] = 1;
            many[3 * i + 1] = 'x';
        }
        assertEquals(DnsNames.MAX_NAMES, DomainListOption.decode(many).domains().size());
    }
}
