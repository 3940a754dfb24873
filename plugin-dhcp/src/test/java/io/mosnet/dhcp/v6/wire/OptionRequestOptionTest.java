package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionRequestOptionTest {

    @Test
    void readsDhclientOro() {
        OptionRequestOption oro = Dhcp6Message.parse(Captured.keaSolicit()).options()
                .decode(OptionCode.ORO, OptionRequestOption::decode).orElseThrow();

        assertEquals(List.of(23, 24, 39, 31), oro.codes());
    }

    @Test
    void encodesTwoBytesPerCode() {
        assertArrayEquals(hex("0017 0018 0052"), OptionRequestOption.of(23, 24, 82).encode());
    }

    @Test
    void rejectsOddLength() {
        assertRejected("not a multiple of 2", () -> OptionRequestOption.decode(hex("001700")));
    }
}
