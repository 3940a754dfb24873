package io.mosnet.dhcp.v4.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.Iaid;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ClientIdentifierOptionTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void encodesTypeIaidAndDuidPerRfc4361() {
        byte[] id = ClientIdentifierOption.encode(Iaid.of(MAC), Duid.linkLayer(MAC));
        // 255, IAID = low 4 bytes of the MAC, DUID-LL: type 3, hardware type 1, MAC.
        assertEquals("ff" + "00123456" + "0003" + "0001" + "525400123456", hex(id));
    }

    @Test
    void rejectsAClientIdentifierShorterThanTwoBytes() {
        assertThrows(DhcpParseException.class, () -> ClientIdentifierOption.decode(new byte[1]));
    }
}
