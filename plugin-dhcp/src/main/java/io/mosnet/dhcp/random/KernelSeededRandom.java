package io.mosnet.dhcp.random;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Transaction ids and retransmission jitter: a {@link SplittableRandom} seeded from the kernel's {@code /dev/urandom},
 * as dhcpcd and systemd-networkd draw theirs. These values only tell a client's exchanges apart and spread its
 * retries; nothing secret rests on them, and {@link SecureRandom} would cost the first DHCPDISCOVER its provider
 * set-up (security properties, provider lists) for nothing. Safe to share between threads.
 */
public final class KernelSeededRandom implements RandomGenerator {

    private static final Path URANDOM = Path.of("/dev/urandom");

    private final SplittableRandom random;

    private KernelSeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A generator seeded from {@code /dev/urandom}; from {@link SecureRandom} where that cannot be read. */
    public static KernelSeededRandom create() {
        return new KernelSeededRandom(seed(URANDOM));
    }

    static long seed(Path source) {
        byte[] b = new byte[Long.BYTES];
        try (InputStream in = Files.newInputStream(source)) {
            if (in.readNBytes(b, 0, b.length) == b.length) {
                return ByteBuffer.wrap(b).getLong();
            }
        } catch (IOException e) {
            // fall through: no /dev in this sandbox or chroot
        }
        return new SecureRandom().nextLong();
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }

    @Override
    public synchronized int nextInt() {
        return random.nextInt();
    }
}
