package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import org.junit.jupiter.api.Test;

class Dhcp6IdentityTest {

    @Test
    void iaidIsTheLow32BitsOfTheUplinkMacUnsigned() {
        MacAddress mac = MacAddress.parse("52:54:00:12:34:56");
        assertEquals(0x00123456L, Dhcp6Identity.of(Duid.linkLayer(mac), mac).iaid());
        MacAddress high = MacAddress.parse("02:00:fe:dc:ba:98");
        assertEquals(0xfedcba98L, Dhcp6Identity.of(Duid.linkLayer(high), high).iaid());
    }
}
