package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v6.wire.Duid;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Dhcp6DuidSourceTest {

    private static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");

    @Test
    void derivesAStableUuidFromTheMachineIdWithoutRevealingIt(@TempDir Path dir) throws Exception {
        Path id = Files.writeString(dir.resolve("machine-id"), "0123456789abcdef0123456789abcdef\n");

        Duid a = Dhcp6DuidSource.machineId(id).duid(MAC);
        Duid b = Dhcp6DuidSource.machineId(id).duid(MacAddress.parse("02:00:00:00:00:09"));

        assertEquals(Duid.UUID_TYPE, a.type());
        assertEquals(a, b, "independent of the NIC");
        assertEquals(18, a.toBytes().length);
        assertEquals('4', a.hex().charAt(4 + 12), "a version-4 UUID (RFC 9562 section 5.4)");
        assertEquals(-1, a.hex().indexOf("0123456789abcdef"), "the machine id itself is not sent");
    }

    @Test
    void fallsBackToDuidLlWithoutAUsableMachineId(@TempDir Path dir) throws Exception {
        assertEquals(Duid.linkLayer(MAC), Dhcp6DuidSource.machineId(dir.resolve("absent")).duid(MAC));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals(Duid.linkLayer(MAC), Dhcp6DuidSource.machineId(empty).duid(MAC));
        Path zero = Files.writeString(dir.resolve("zero"), "00000000000000000000000000000000");
        assertEquals(Duid.linkLayer(MAC), Dhcp6DuidSource.machineId(zero).duid(MAC));
    }

    @Test
    void iaidIsTheLow32BitsOfTheUplinkMac() {
        assertEquals(0x00123456L, Dhcp6Identity.of(Duid.linkLayer(MAC), MAC).iaid());
    }
}
