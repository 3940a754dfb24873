package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * An AF_UNIX SOCK_DGRAM socket, the transport of systemd's readiness protocol (sd_notify(3)). The JDK's UNIX-domain
 * channels are stream only ({@code DatagramChannel.open(UNIX)} is unsupported), hence this small wrapper.
 *
 * <p>Addresses are spelled as systemd spells {@code NOTIFY_SOCKET}: a file system path, or {@code @name} for a
 * name in the abstract namespace (which belongs to the network namespace, not to the file system).
 */
public final class UnixDatagramSocket implements AutoCloseable {

    /** {@code sizeof(sun_path)} in {@code struct sockaddr_un}. */
    static final int SUN_PATH_SIZE = 108;

    private final int fd;
    private final String bound;

    private UnixDatagramSocket(int fd, String bound) {
        this.fd = fd;
        this.bound = bound;
    }

    /** An unbound socket for sending. */
    public static UnixDatagramSocket open() {
        return new UnixDatagramSocket(LinuxNative.socket(LinuxNative.AF_UNIX, LinuxNative.SOCK_DGRAM, 0,
                "socket(AF_UNIX, SOCK_DGRAM)"), null);
    }

    /** A socket bound to {@code address} that receives datagrams sent there. */
    public static UnixDatagramSocket bind(String address) {
        byte[] sockaddr = encodeAddress(address);
        UnixDatagramSocket s = open();
        try {
            LinuxNative.bindUnix(s.fd, sockaddr, "bind AF_UNIX datagram socket to " + address);
        } catch (NetworkException e) {
            s.close();
            throw e;
        }
        return new UnixDatagramSocket(s.fd, address);
    }

    /** Sends {@code payload} as one datagram to {@code address}. */
    public void send(String address, byte[] payload) {
        LinuxNative.sendTo(fd, payload, encodeAddress(address), "send " + payload.length + " bytes to " + address);
    }

    /** The next datagram, or empty when none arrives within {@code timeout}; a longer one is cut at 64 KiB. */
    public Optional<byte[]> receive(Duration timeout) {
        String what = "receive on " + (bound == null ? "unbound AF_UNIX socket" : bound);
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65536];
        while (true) {
            int wait = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            if (LinuxNative.pollReadable(new int[] {fd}, wait, what) < 0) {
                return Optional.empty();
            }
            int n = LinuxNative.receive(fd, buffer, what);
            if (n >= 0) {
                return Optional.of(Arrays.copyOf(buffer, Math.min(n, buffer.length)));
            }
        }
    }

    @Override
    public void close() {
        LinuxNative.close(fd);
    }

    /**
     * Encodes {@code struct sockaddr_un} (unix(7)): the family, then the path with its terminating NUL; for an
     * abstract name, a NUL and the name, whose length alone (no terminator) delimits it.
     *
     * @throws NetworkException for an empty, relative or too long address
     */
    static byte[] encodeAddress(String address) {
        if (address == null || address.isEmpty()) {
            throw new NetworkException("AF_UNIX address is empty", 0);
        }
        boolean abstractName = address.charAt(0) == '@';
        if (!abstractName && address.charAt(0) != '/') {
            throw new NetworkException("AF_UNIX address '" + address
                    + "' is neither an absolute path nor an abstract name (@name)", 0);
        }
        byte[] name = (abstractName ? address.substring(1) : address).getBytes(StandardCharsets.UTF_8);
        // A path needs room for its NUL; an abstract name takes the leading NUL's place instead.
        int max = SUN_PATH_SIZE - 1;
        if (name.length > max || (abstractName && name.length == 0)) {
            throw new NetworkException("AF_UNIX address '" + address + "' must have 1 to " + max + " bytes", 0);
        }
        ByteBuffer b = ByteBuffer.allocate(2 + 1 + name.length).order(ByteOrder.nativeOrder());
        b.putShort((short) LinuxNative.AF_UNIX);
        if (abstractName) {
            b.put((byte) 0).put(name);
        } else {
            b.put(name).put((byte) 0);
        }
        return b.array();
    }
}
