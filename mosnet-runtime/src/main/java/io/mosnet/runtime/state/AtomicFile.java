package io.mosnet.runtime.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that a reader, or the next boot after a power cut, sees either the old content or the new one,
 * never a mix: write a temporary file in the same directory, fsync it, rename it over the target, fsync the
 * directory so that the rename itself is durable.
 */
public final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    /** Moves the temporary file over the target; replaced in tests to simulate a rename the kernel refuses. */
    @FunctionalInterface
    public interface Renamer {
        void rename(Path source, Path target) throws IOException;
    }

    /** The rename step failed; the temporary file has been removed and the target is untouched. */
    public static final class RenameFailedException extends IOException {
        public RenameFailedException(Path temp, Path target, IOException cause) {
            super("rename " + temp + " -> " + target + ": " + reason(cause), cause);
        }
    }

    private static final Renamer ATOMIC_RENAME =
            (source, target) -> Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);

    private final Renamer renamer;

    public AtomicFile() {
        this(ATOMIC_RENAME);
    }

    public AtomicFile(Renamer renamer) {
        this.renamer = renamer;
    }

    /**
     * Writes {@code content} to {@code target} atomically, creating the file with {@code permissions}.
     *
     * @throws RenameFailedException when only the final rename failed (EBUSY on a bind-mounted target, EXDEV, ...)
     * @throws IOException           when the temporary file could not be written
     */
    public void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = directoryOf(target);
        Path temp = createTemp(dir, target, permissions);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, content);
                ch.force(true);
            }
            // Creating the file applies the umask; set the mode explicitly so 0644 means 0644.
            Files.setPosixFilePermissions(temp, permissions);
            try {
                renamer.rename(temp, target);
            } catch (IOException e) {
                throw new RenameFailedException(temp, target, e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A new file beside {@code target}, named {@code .<name>.<pid>.<n>.tmp} and created exclusively (O_EXCL: never
     * an existing file or a symbolic link planted there). Not {@code Files.createTempFile}: its random names come from
     * a SecureRandom, whose security-provider set-up costs an interpreted daemon milliseconds on its way to the
     * network; uniqueness is all that is needed here, and a leftover of a crashed process is skipped.
     */
    private static Path createTemp(Path dir, Path target, Set<PosixFilePermission> permissions) throws IOException {
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
        while (true) {
            Path temp = dir.resolve(prefix + SEQUENCE.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp, PosixFilePermissions.asFileAttribute(permissions));
            } catch (java.nio.file.FileAlreadyExistsException leftover) {
                // a crashed process with the same pid left it: take the next number
            }
        }
    }

    /**
     * Overwrites {@code target} in place: write from offset 0, cut the tail, fsync. Not atomic, but the only way to
     * change a file that is a mount point; a reader never sees an empty file, only at worst a mix for a moment.
     */
    public static void overwriteInPlace(Path target, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            writeFully(ch, content);
            ch.truncate(content.length);
            ch.force(true);
        }
    }

    /**
     * fsyncs a directory so that a rename in it survives a crash. Some filesystems (and some container overlays)
     * refuse to open or sync a directory; that only weakens durability, so it is logged, not thrown.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("fsync of directory {} not possible: {}", dir, reason(e));
        }
    }

    private static Path directoryOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("'" + target + "' has no parent directory");
        }
        return parent;
    }

    private static void writeFully(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        long pos = 0;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
