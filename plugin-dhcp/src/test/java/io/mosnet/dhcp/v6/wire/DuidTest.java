package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.MacAddress;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DuidTest {

    private static final MacAddress MAC = MacAddress.parse("ca:f6:45:de:0f:a1");

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
    void parsesCapturedClientIdAsLlt() {
        Dhcp6Message m = Dhcp6Message.parse(Captured.keaSolicit());
        Duid d = m.options().decode(OptionCode.CLIENTID, ClientIdOption::decode).orElseThrow();

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
        assertRejected("exactly 18", () -> Duid.parse(hex("0004 0123456789abcdef00112233445566")));
        assertRejected("needs 5", () -> Duid.parse(hex("000300")));
        assertRejected("needs 9", () -> Duid.parse(hex("00010001 00000000")));
        assertRejected("needs 7", () -> Duid.parse(hex("0002 000009bf")));
    }
}
