package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.dhcp.duid.Duid;
import org.junit.jupiter.api.Test;

class ClientIdOptionTest {

    @Test
    void parsesCapturedClientIdAsLlt() {
        Dhcp6Message m = Dhcp6Message.parse(Captured.keaSolicit());
        Duid d = m.options().decode(OptionCode.CLIENTID, ClientIdOption::decode).orElseThrow();

        assertEquals(Duid.LLT, d.type());
        assertEquals(Duid.parse(hex("000100013298bf70caf645de0fa1")), d);
    }

    @Test
    void rejectsAMalformedDuidAsAParseError() {
        assertRejected("1-128 bytes", () -> ClientIdOption.decode(hex("0003")));
        assertRejected("exactly 18", () -> ServerIdOption.decode(hex("0004 0123456789abcdef00112233445566")));
    }
}
