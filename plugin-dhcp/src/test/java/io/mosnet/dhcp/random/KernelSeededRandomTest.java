package io.mosnet.dhcp.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSeededRandomTest {

    @Test
    void seedsFromTheGivenSourceBytes(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("urandom");
        Files.write(source, new byte[] {0, 0, 0, 0, 0, 0, 1, 2, 9, 9});
        assertEquals(0x0102L, KernelSeededRandom.seed(source));
    }

    @Test
    void fallsBackWhenTheSourceIsMissingOrShort(@TempDir Path dir) throws Exception {
        Path shortFile = dir.resolve("short");
        Files.write(shortFile, new byte[] {1, 2, 3});
        // Two fallbacks drawing the same 64-bit seed would be a broken fallback.
        assertNotEquals(KernelSeededRandom.seed(shortFile), KernelSeededRandom.seed(dir.resolve("missing")));
    }

    @Test
    void twoGeneratorsDoNotRepeatEachOther() {
        assertNotEquals(KernelSeededRandom.create().nextLong(), KernelSeededRandom.create().nextLong());
    }
}
