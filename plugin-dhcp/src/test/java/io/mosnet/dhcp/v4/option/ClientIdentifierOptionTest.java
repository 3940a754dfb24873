package io.mosnet.dhcp.v4.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mosnet.api.net.MacAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientIdentifierOptionTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void encodesTypeIaidAndDuidPerRfc4361() {
        byte[] id = ClientIdentifierOption.encode(ClientIdentifierOption.iaidFor(MAC), Duid.linkLayer(MAC));
        // 255, IAID = low 4 bytes of the MAC, DUID-LL: type 3, hardware type 1, MAC.
        assertEquals("ff" + "00123456" + "0003" + "0001" + "525400123456", hex(id));
    }

    @Test
    void buildsTheThreeDuidTypes() {
        assertEquals("0003" + "0001" + "525400123456", Duid.linkLayer(MAC).toString());
        // DUID-LLT time counts from 2000-01-01: one day later is 86400 = 0x00015180.
        assertEquals("0001" + "0001" + "00015180" + "525400123456",
                Duid.linkLayerTime(MAC, Instant.parse("2000-01-02T00:00:00Z")).toString());
        UUID u = UUID.fromString("01234567-89ab-4def-8123-456789abcdef");
        assertEquals("0004" + "0123456789ab4def8123456789abcdef", Duid.uuid(u).toString());
        assertEquals(Duid.UUID_TYPE, Duid.uuid(u).type());
    }

    @Test
    void rejectsOversizedOrEmptyDuids() {
        assertThrows(DhcpParseException.class, () -> Duid.of(new byte[131]));
        assertThrows(DhcpParseException.class, () -> Duid.of(new byte[2]));
    }

    @Test
    void rejectsAClientIdentifierShorterThanTwoBytes() {
        assertThrows(DhcpParseException.class, () -> ClientIdentifierOption.decode(new byte[1]));
    }
}
