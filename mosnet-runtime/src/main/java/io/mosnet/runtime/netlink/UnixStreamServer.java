package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A listening AF_UNIX stream socket of mosnet's own, for the daemon's API. The JDK's UNIX-domain channels set up a
 * SecureRandom, and with it the SUN security provider, the first time the class is touched: about 10 ms of CPU on an
 * interpreted start, which the daemon's way to the network competes with on two cores. This socket needs no more
 * than socket(2), bind(2), listen(2) and accept4(2).
 */
public final class UnixStreamServer extends UnixStreamSocket {

    private final Path path;

    private UnixStreamServer(int fd, Path path) {
        super(fd);
        this.path = path;
    }

    /** Binds {@code path} (which must not exist) and listens with room for {@code backlog} pending connections. */
    public static UnixStreamServer listen(Path path, int backlog) {
        String where = path.toAbsolutePath().toString();
        byte[] sockaddr = UnixDatagramSocket.encodeAddress(where);
        int fd = LinuxNative.socket(LinuxNative.AF_UNIX, LinuxNative.SOCK_STREAM, 0, "socket(AF_UNIX, SOCK_STREAM)");
        try {
            LinuxNative.bindUnix(fd, sockaddr, "bind " + where);
            LinuxNative.listen(fd, backlog, "listen on " + where);
        } catch (NetworkException e) {
            LinuxNative.close(fd);
            throw e;
        }
        return new UnixStreamServer(fd, path);
    }

    /**
     * Whether a server answers on {@code path}: empty when one accepted a connection, else what connecting said
     * (a stale socket file: "Connection refused").
     */
    public static Optional<String> refusal(Path path) {
        String where = path.toAbsolutePath().toString();
        int fd = LinuxNative.socket(LinuxNative.AF_UNIX, LinuxNative.SOCK_STREAM, 0, "socket(AF_UNIX, SOCK_STREAM)");
        try {
            LinuxNative.connect(fd, UnixDatagramSocket.encodeAddress(where), "connect to " + where);
            return Optional.empty();
        } catch (NetworkException e) {
            return Optional.of(e.getMessage());
        } finally {
            LinuxNative.close(fd);
        }
    }

    /**
     * The id of group {@code name}, for giving the socket file to it, or empty when there is no such group
     * (getgrnam_r(3): files, LDAP or whatever NSS is set up with).
     */
    public static OptionalInt groupId(String name) {
        return LinuxNative.groupId(name);
    }

    /**
     * The next connection; blocks until one arrives.
     *
     * @throws NetworkException when accepting fails, or the server was {@link #shutdown} meanwhile
     */
    public UnixStreamConnection accept() {
        return new UnixStreamConnection(LinuxNative.accept(fd, "accept on " + path));
    }
}
