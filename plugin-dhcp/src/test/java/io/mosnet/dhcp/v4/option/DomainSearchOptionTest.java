package io.mosnet.dhcp.v4.option;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainSearchOptionTest {

    /** Labels and raw bytes (ints for pointers and lengths) concatenated. */
    static byte[] wire(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.write(s.length());
                out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void decodesTheRfc3397ExampleWithAPointer() {
        // RFC 3397 section 3: eng.apple.com, then marketing + pointer to offset 4 (apple.com).
        byte[] data = wire("eng", "apple", "com", 0, "marketing", 0xc0, 0x04);
        assertEquals(List.of("eng.apple.com", "marketing.apple.com"), DomainSearchOption.decode(data));
    }

    @Test
    void encodesWithCompressionAndRoundTrips() {
        List<String> names = List.of("eng.apple.com", "marketing.apple.com", "apple.com", "example.org");
        byte[] data = DomainSearchOption.encode(names);
        assertArrayEquals(wire("eng", "apple", "com", 0, "marketing", 0xc0, 0x04, 0xc0, 0x04, "example", "org", 0),
                data);
        assertEquals(names, DomainSearchOption.decode(data));
    }

    @Test
    void rejectsACompressionLoop() {
        // "a" then a pointer back to offset 0: following it would read "a" forever.
        DhcpParseException e = assertThrows(DhcpParseException.class,
                () -> DomainSearchOption.decode(wire("a", 0xc0, 0x00)));
        assertTrue(e.getMessage().contains("does not point backwards"), e.getMessage());
    }

    @Test
    void rejectsAPointerToItself() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire(0xc0, 0x00)));
    }

    @Test
    void rejectsTwoPointersChasingEachOther() {
        // name at 0: "x" then pointer to 5; at 5: pointer to 0 - each points before the other's run.
        byte[] data = wire("x", 0xc0, 0x05, 0, 0, 0xc0, 0x00);
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(data));
    }

    @Test
    void rejectsAForwardPointer() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire("a", 0xc0, 0x05, "b", 0)));
    }

    @Test
    void rejectsALabelRunningPastTheEnd() {
        byte[] data = wire("abc", 0);
        data[0] = 10;
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(data));
    }

    @Test
    void rejectsAMissingTerminator() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire("abc", "def")));
    }

    @Test
    void rejectsACutOffPointer() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire("abc", 0, 0xc0)));
    }

    @Test
    void rejectsANameLongerThan255Bytes() {
        Object[] parts = new Object[6];
        for (int i = 0; i < 5; i++) {
            parts[i] = "a".repeat(60);
        }
        parts[5] = 0;
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire(parts)));
    }

    @Test
    void rejectsCharactersThatCouldBreakResolvConf() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire("evil\nnameserver", 0)));
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire("a b", "com", 0)));
    }

    @Test
    void rejectsExtendedLabelTypes() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(wire(0x41, 0)));
    }

    @Test
    void rejectsAnEmptyOptionOrAnEmptyName() {
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(new byte[0]));
        assertThrows(DhcpParseException.class, () -> DomainSearchOption.decode(new byte[] {0}));
    }
}
