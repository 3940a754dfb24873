package io.mosnet.runtime.netlink;

/**
 * What {@link UnixStreamServer} and {@link UnixStreamConnection} share: a descriptor that one thread blocks on and
 * another may {@link #shutdown} to wake it; the blocked thread's owner closes it.
 */
public abstract sealed class UnixStreamSocket implements AutoCloseable permits UnixStreamServer, UnixStreamConnection {

    final int fd;
    /** Guards the descriptor: once closed its number may belong to another socket, so shutdown must not touch it. */
    private boolean closed;

    UnixStreamSocket(int fd) {
        this.fd = fd;
    }

    /** Wakes a thread blocked accepting or reading on this socket; nothing once closed. */
    public synchronized void shutdown() {
        if (!closed) {
            LinuxNative.shutdown(fd);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LinuxNative.close(fd);
        }
    }
}
