package io.mosnet.dhcp.duid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.MacAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DuidTest {

    private static final MacAddress MAC = MacAddress.parse("ca:f6:45:de:0f:a1");
    private static final MacAddress QEMU_MAC = MacAddress.parse("52:54:00:12:34:56");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void buildsLinkLayerTimeAsDhclientDid() {
        Instant created = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(0x3298bf70L);

        assertEquals("000100013298bf70caf645de0fa1", Duid.linkLayerTime(MAC, created).hex());
    }

    @Test
    void buildsLinkLayerEnterpriseAndUuid() {
        assertEquals("00030001caf645de0fa1", Duid.linkLayer(MAC).hex());
        assertEquals("0002000009bf6d6f736e6574", Duid.enterprise(2495, hex("6d6f736e6574")).hex());
        assertEquals("00040123456789abcdef0011223344556677",
                Duid.uuid(UUID.fromString("01234567-89ab-cdef-0011-223344556677")).hex());
    }

    @Test
    void buildsTheThreeTypesTheClientsSend() {
        assertEquals("0003" + "0001" + "525400123456", Duid.linkLayer(QEMU_MAC).hex());
        // DUID-LLT time counts from 2000-01-01: one day later is 86400 = 0x00015180.
        assertEquals("0001" + "0001" + "00015180" + "525400123456",
                Duid.linkLayerTime(QEMU_MAC, Instant.parse("2000-01-02T00:00:00Z")).hex());
        UUID u = UUID.fromString("01234567-89ab-4def-8123-456789abcdef");
        assertEquals("0004" + "0123456789ab4def8123456789abcdef", Duid.uuid(u).hex());
        assertEquals(Duid.UUID_TYPE, Duid.uuid(u).type());
    }

    @Test
    void parsesWhatItBuilds() {
        Duid d = Duid.linkLayerTime(MAC, Instant.parse("2000-01-01T00:00:00Z").plusSeconds(0x3298bf70L));

        assertEquals(Duid.LLT, d.type());
        assertEquals(Duid.parse(hex("000100013298bf70caf645de0fa1")), d);
    }

    @Test
    void keepsUnknownTypesOpaque() {
        assertEquals(0x1234, Duid.parse(hex("1234ff")).type());
    }

    @Test
    void rejectsWrongLengths() {
        assertRejected("1-128 bytes", () -> Duid.parse(hex("0003")));
        assertRejected("1-128 bytes", () -> Duid.parse(new byte[131]));
        assertRejected("1-128 bytes", () -> Duid.parse(new byte[2]));
        assertRejected("exactly 18", () -> Duid.parse(hex("0004 0123456789abcdef00112233445566")));
        assertRejected("needs 5", () -> Duid.parse(hex("000300")));
        assertRejected("needs 9", () -> Duid.parse(hex("00010001 00000000")));
        assertRejected("needs 7", () -> Duid.parse(hex("0002 000009bf")));
    }

    private static void assertRejected(String messagePart, Executable parse) {
        DuidParseException e = assertThrows(DuidParseException.class, parse);
        assertTrue(e.getMessage().contains(messagePart),
                () -> "expected the message to contain '" + messagePart + "' but was: " + e.getMessage());
    }
}
