package io.mosnet.runtime.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.runtime.state.AtomicFile;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfWriterTest {

    @TempDir
    Path dir;

    static final ResolvConf CONF = new ResolvConf(ResolvConfTest.ips("10.0.0.1"), List.of("lab"));

    @Test
    void replacesFileAtomically() throws IOException {
        Path file = dir.resolve("resolv.conf");
        Files.writeString(file, "nameserver 192.0.2.1\n");
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        assertEquals(ResolvConfWriter.Outcome.REPLACED, new ResolvConfWriter(file).write(CONF));
        assertEquals(CONF.render(), Files.readString(file));
        // A rename gives a new inode: the old file was never half-written.
        assertTrue(!before.equals(Files.readAttributes(file, BasicFileAttributes.class).fileKey()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void doesNotRewriteUnchangedContent() throws IOException {
        Path file = dir.resolve("resolv.conf");
        AtomicInteger renames = new AtomicInteger();
        ResolvConfWriter writer = new ResolvConfWriter(file, new AtomicFile((s, t) -> {
            renames.incrementAndGet();
            Files.move(s, t, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }));
        assertEquals(ResolvConfWriter.Outcome.REPLACED, writer.write(CONF));
        assertEquals(ResolvConfWriter.Outcome.UNCHANGED, writer.write(CONF));
        assertEquals(1, renames.get());
    }

    @Test
    void overwritesInPlaceWhenRenameIsBusy() throws IOException {
        Path file = dir.resolve("resolv.conf");
        Files.writeString(file, "nameserver 192.0.2.1\nnameserver 192.0.2.2\nsearch a.very.long.domain.example\n"
                + "#".repeat(300) + "\n");
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        ResolvConfWriter writer = new ResolvConfWriter(file, new AtomicFile((s, t) -> {
            throw new FileSystemException(s.toString(), t.toString(), "Device or resource busy");
        }));
        assertEquals(ResolvConfWriter.Outcome.OVERWRITTEN_IN_PLACE, writer.write(CONF));
        // Same inode, shorter content: the tail of the longer old file is cut off.
        assertEquals(CONF.render(), Files.readString(file));
        assertEquals(inode, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void reportsFailureNamingFile() {
        Path file = dir.resolve("missing-dir/resolv.conf");
        DnsException e = assertThrows(DnsException.class, () -> new ResolvConfWriter(file).write(CONF));
        assertTrue(e.getMessage().startsWith("writing " + file), e.getMessage());
    }
}
