package io.mosnet.runtime.dns;

import io.mosnet.runtime.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes resolv.conf. Normally atomically (temporary file, fsync, rename, directory fsync); when the rename is
 * refused because the target is a mount point ({@code ip netns exec} and container runtimes bind-mount a file over
 * /etc/resolv.conf, and rename(2) onto it fails with EBUSY), the file is overwritten in place instead. Content equal
 * to what is there is not written at all, so a renewal that changes nothing does not touch the file.
 */
public final class ResolvConfWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResolvConfWriter.class);
    public static final Path DEFAULT_PATH = Path.of("/etc/resolv.conf");
    private static final Set<PosixFilePermission> MODE_0644 = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    /** What {@link #write} did. */
    public enum Outcome {
        /** The file already had this content. */
        UNCHANGED,
        /** Replaced atomically by rename. */
        REPLACED,
        /** The rename was refused (bind mount); overwritten in place. */
        OVERWRITTEN_IN_PLACE
    }

    private final Path path;
    private final AtomicFile atomicFile;

    public ResolvConfWriter(Path path) {
        this(path, new AtomicFile());
    }

    ResolvConfWriter(Path path, AtomicFile atomicFile) {
        this.path = path;
        this.atomicFile = atomicFile;
    }

    public Path path() {
        return path;
    }

    /** Writes {@code conf}; throws {@link DnsException} naming the file and the system's answer on failure. */
    public Outcome write(ResolvConf conf) {
        byte[] content = conf.render().getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(content, current())) {
            LOG.debug("{} unchanged", path);
            return Outcome.UNCHANGED;
        }
        try {
            atomicFile.write(path, content, MODE_0644);
            LOG.info("wrote {}: nameservers {} search {}", path, conf.nameservers(), conf.searchDomains());
            return Outcome.REPLACED;
        } catch (AtomicFile.RenameFailedException e) {
            LOG.info("{} cannot be replaced ({}); it is probably a bind mount: writing it in place", path,
                    e.getMessage());
            try {
                AtomicFile.overwriteInPlace(path, content);
                return Outcome.OVERWRITTEN_IN_PLACE;
            } catch (IOException inPlace) {
                inPlace.addSuppressed(e);
                throw new DnsException("writing " + path + " in place: " + inPlace.getMessage(), inPlace);
            }
        } catch (IOException e) {
            throw new DnsException("writing " + path + ": " + e.getMessage(), e);
        }
    }

    private byte[] current() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // Unreadable now does not mean unwritable: try the write, which reports the real problem.
            LOG.debug("reading {} before writing: {}", path, e.toString());
            return null;
        }
    }
}
