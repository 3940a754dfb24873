package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatusCodeOptionTest {

    @Test
    void readsCodeAndMessage() {
        StatusCodeOption s = StatusCodeOption.decode(hex("0002 6e6f6e65"));

        assertEquals(StatusCodeOption.NO_ADDRS_AVAIL, s.code());
        assertEquals("NoAddrsAvail (none)", s.toString());
    }

    @Test
    void replacesControlCharactersAndCapsLength() {
        StatusCodeOption s = StatusCodeOption.decode(hex("0001 410a0d1b42"));
        assertEquals("A???B", s.message());

        byte[] longText = new byte[2 + 5000];
        Arrays.fill(longText, 2, longText.length, (byte) 'x');
        assertTrue(StatusCodeOption.decode(longText).message().length() <= 200);
    }

    @Test
    void rejectsMissingCode() {
        assertRejected("status-code", () -> StatusCodeOption.decode(hex("00")));
    }

    @Test
    void roundTrips() {
        assertArrayEquals(hex("0006 6f6b"), new StatusCodeOption(6, "ok").encode());
        assertEquals("NoPrefixAvail", new StatusCodeOption(6, "").toString());
    }
}
