package io.mosnet.runtime.netlink;

/**
 * One accepted AF_UNIX stream connection (see {@link UnixStreamServer}). One thread reads and writes; another may
 * {@link #shutdown} it to end a blocked read; the reading thread closes it.
 */
public final class UnixStreamConnection extends UnixStreamSocket {

    /** Who is connected, as the kernel recorded it at connect time (SO_PEERCRED), with the names NSS gives. */
    public record Peer(int pid, int uid, int gid, String user, String group) {
    }

    UnixStreamConnection(int fd) {
        super(fd);
    }

    /**
     * Reads what arrived into {@code buffer}, blocking until something does.
     *
     * @return the byte count, or -1 when the peer closed (or the connection was shut down)
     */
    public int read(byte[] buffer) {
        int n = LinuxNative.read(fd, buffer, "read from an API connection");
        return n == 0 ? -1 : n;
    }

    /** Writes all of {@code data}, blocking while the peer's queue is full. */
    public void write(byte[] data) {
        LinuxNative.writeAll(fd, data, true, "write to an API connection");
    }

    /** Writes what the socket takes at once and drops the rest: for a client that may never read. */
    public void offer(byte[] data) {
        LinuxNative.writeAll(fd, data, false, "write to an API connection");
    }

    /** The peer's credentials; a uid or gid without a name is named by its number. */
    public Peer peer() {
        int[] cred = LinuxNative.peerCredentials(fd, "SO_PEERCRED of an API connection");
        return new Peer(cred[0], cred[1], cred[2],
                LinuxNative.userName(cred[1]).orElse(Integer.toString(cred[1])),
                LinuxNative.groupName(cred[2]).orElse(Integer.toString(cred[2])));
    }
}
