package io.mosnet.dhcp.v4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.option.Duid;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuidSourceTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    static final String MACHINE_ID = "0123456789abcdef0123456789abcdef";

    @Test
    void derivesAStableDuidUuidFromTheMachineId(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("machine-id"), MACHINE_ID + "\n");
        Duid a = DuidSource.machineId(file).duid(MAC);
        Duid b = DuidSource.machineId(file).duid(MacAddress.parse("52:54:00:00:00:01"));
        assertEquals(Duid.UUID_TYPE, a.type());
        assertEquals(a, b, "the same host identity on every NIC");
        assertFalse(a.toString().contains(MACHINE_ID), "the machine ID itself never goes on the wire");
        Files.writeString(file, "fedcba9876543210fedcba9876543210\n");
        assertNotEquals(a, DuidSource.machineId(file).duid(MAC));
    }

    @Test
    void fallsBackToDuidLlWithoutAMachineId(@TempDir Path dir) throws Exception {
        assertEquals(Duid.linkLayer(MAC), DuidSource.machineId(dir.resolve("absent")).duid(MAC));
        Path empty = Files.writeString(dir.resolve("machine-id"), "uninitialized\n");
        assertEquals(Duid.linkLayer(MAC), DuidSource.machineId(empty).duid(MAC));
    }
}
