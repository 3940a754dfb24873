package io.mosnet.dhcp.duid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mosnet.api.net.MacAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuidSourceTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    static final String MACHINE_ID = "0123456789abcdef0123456789abcdef";

    @Test
    void derivesAStableDuidUuidFromTheMachineIdWithoutRevealingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("machine-id"), MACHINE_ID + "\n");
        Duid a = DuidSource.machineId(file).duid(MAC);
        Duid b = DuidSource.machineId(file).duid(MacAddress.parse("52:54:00:00:00:01"));

        assertEquals(Duid.UUID_TYPE, a.type());
        assertEquals(a, b, "the same host identity on every NIC");
        assertEquals(18, a.toBytes().length);
        assertEquals('4', a.hex().charAt(4 + 12), "a version-4 UUID (RFC 9562 section 5.4)");
        assertEquals(-1, a.hex().indexOf("0123456789abcdef"), "the machine ID itself never goes on the wire");
        assertFalse(a.toString().contains(MACHINE_ID), "the machine ID itself never goes on the wire");
        Files.writeString(file, "fedcba9876543210fedcba9876543210\n");
        assertNotEquals(a, DuidSource.machineId(file).duid(MAC));
    }

    @Test
    void fallsBackToDuidLlWithoutAUsableMachineId(@TempDir Path dir) throws Exception {
        assertEquals(Duid.linkLayer(MAC), DuidSource.machineId(dir.resolve("absent")).duid(MAC));
        Path uninitialized = Files.writeString(dir.resolve("machine-id"), "uninitialized\n");
        assertEquals(Duid.linkLayer(MAC), DuidSource.machineId(uninitialized).duid(MAC));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals(Duid.linkLayer(MAC), DuidSource.machineId(empty).duid(MAC));
        Path zero = Files.writeString(dir.resolve("zero"), "00000000000000000000000000000000");
        assertEquals(Duid.linkLayer(MAC), DuidSource.machineId(zero).duid(MAC));
    }
}
