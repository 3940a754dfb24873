package io.mosnet.dhcp.duid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.MacAddress;
import org.junit.jupiter.api.Test;

class IaidTest {

    @Test
    void isTheLow32BitsOfTheMac() {
        assertEquals(0x00123456, Iaid.of(MacAddress.parse("52:54:00:12:34:56")));
        assertEquals(0xfedcba98, Iaid.of(MacAddress.parse("02:00:fe:dc:ba:98")));
    }
}
