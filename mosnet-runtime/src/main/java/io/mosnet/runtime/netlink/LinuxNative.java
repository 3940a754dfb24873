package io.mosnet.runtime.netlink;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.mosnet.api.net.NetworkException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Every libc call of the runtime (rtnetlink, AF_PACKET, /proc/sys, namespaces, and the AF_UNIX datagrams of
 * sd_notify), through JNA function handles. Each wrapper checks the result and throws a
 * {@link NetworkException} carrying the errno and its strerror text; no {@link Pointer} leaves this class.
 * Constants are the x86_64/aarch64 Linux values (identical on both).
 */
final class LinuxNative {

    static final int AF_UNIX = 1;
    static final int AF_NETLINK = 16;
    static final int AF_PACKET = 17;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_ROUTE = 0;

    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_ATTACH_FILTER = 26;
    static final int SO_PEERCRED = 17;
    static final int SHUT_RDWR = 2;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_ADD_MEMBERSHIP = 1;
    static final int NETLINK_DROP_MEMBERSHIP = 2;
    static final int NETLINK_EXT_ACK = 11;
    static final int SOL_PACKET = 263;
    static final int PACKET_IGNORE_OUTGOING = 23;
    static final int ETH_P_ALL = 0x0003;

    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final int EFD_CLOEXEC = 0x80000;
    static final short POLLIN = 0x1;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int ERANGE = 34;
    static final int ENOBUFS = 105;
    static final int ETIMEDOUT = 110;

    private LinuxNative() {
    }

    /**
     * The raw functions, called through JNA {@link Function} handles rather than direct mapping: direct mapping's
     * registration builds JNA's FFI type structures by reflection first (tens of milliseconds on a cold JVM, on the
     * way to the first netlink socket), while a handle is a symbol lookup and each call a JNI call that converts its
     * few arguments. {@link Function#THROW_LAST_ERROR}: errno is cleared before and turned into
     * {@link LastErrorException} after the call, as with direct mapping.
     */
    private static final class C {
        private static final NativeLibrary LIBC = NativeLibrary.getInstance("c");
        private static final Function SOCKET = function("socket");
        private static final Function BIND = function("bind");
        private static final Function SETSOCKOPT = function("setsockopt");
        private static final Function SEND = function("send");
        private static final Function RECV = function("recv");
        private static final Function SENDTO = function("sendto");
        private static final Function POLL = function("poll");
        private static final Function CLOSE = function("close");
        private static final Function OPEN = function("open");
        private static final Function READ = function("read");
        private static final Function WRITE = function("write");
        private static final Function SETNS = function("setns");
        private static final Function EVENTFD = function("eventfd");
        private static final Function LISTEN = function("listen");
        private static final Function ACCEPT4 = function("accept4");
        private static final Function CONNECT = function("connect");
        private static final Function SHUTDOWN = function("shutdown");
        private static final Function GETSOCKOPT = function("getsockopt");
        // getpwuid_r/getgrgid_r/getgrnam_r return their error instead of setting errno.
        private static final Function GETPWUID_R = LIBC.getFunction("getpwuid_r");
        private static final Function GETGRGID_R = LIBC.getFunction("getgrgid_r");
        private static final Function GETGRNAM_R = LIBC.getFunction("getgrnam_r");
        private static final Function STRERROR = LIBC.getFunction("strerror");

        private static Function function(String name) {
            return LIBC.getFunction(name, Function.THROW_LAST_ERROR);
        }

        static int socket(int domain, int type, int protocol) {
            return SOCKET.invokeInt(new Object[] {domain, type, protocol});
        }

        static int bind(int fd, byte[] address, int length) {
            return BIND.invokeInt(new Object[] {fd, address, length});
        }

        static int setsockopt(int fd, int level, int name, byte[] value, int length) {
            return SETSOCKOPT.invokeInt(new Object[] {fd, level, name, value, length});
        }

        static int setsockopt(int fd, int level, int name, Pointer value, int length) {
            return SETSOCKOPT.invokeInt(new Object[] {fd, level, name, value, length});
        }

        static long send(int fd, byte[] buffer, long length, int flags) {
            return SEND.invokeLong(new Object[] {fd, buffer, length, flags});
        }

        static long recv(int fd, byte[] buffer, long length, int flags) {
            return RECV.invokeLong(new Object[] {fd, buffer, length, flags});
        }

        static long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength) {
            return SENDTO.invokeLong(new Object[] {fd, buffer, length, flags, address, addressLength});
        }

        static int poll(byte[] fds, long count, int timeoutMillis) {
            return POLL.invokeInt(new Object[] {fds, count, timeoutMillis});
        }

        static int close(int fd) {
            return CLOSE.invokeInt(new Object[] {fd});
        }

        static int open(String path, int flags) {
            return OPEN.invokeInt(new Object[] {path, flags});
        }

        static long read(int fd, byte[] buffer, long length) {
            return READ.invokeLong(new Object[] {fd, buffer, length});
        }

        static long write(int fd, byte[] buffer, long length) {
            return WRITE.invokeLong(new Object[] {fd, buffer, length});
        }

        static int setns(int fd, int nstype) {
            return SETNS.invokeInt(new Object[] {fd, nstype});
        }

        static int eventfd(int initial, int flags) {
            return EVENTFD.invokeInt(new Object[] {initial, flags});
        }

        static String strerror(int errno) {
            return STRERROR.invokeString(new Object[] {errno}, false);
        }

        static int listen(int fd, int backlog) {
            return LISTEN.invokeInt(new Object[] {fd, backlog});
        }

        static int accept4(int fd, int flags) {
            return ACCEPT4.invokeInt(new Object[] {fd, null, null, flags});
        }

        static int connect(int fd, byte[] address, int length) {
            return CONNECT.invokeInt(new Object[] {fd, address, length});
        }

        static int shutdown(int fd, int how) {
            return SHUTDOWN.invokeInt(new Object[] {fd, how});
        }

        static int getsockopt(int fd, int level, int name, byte[] value, byte[] length) {
            return GETSOCKOPT.invokeInt(new Object[] {fd, level, name, value, length});
        }

        static int getpwuid_r(int uid, Pointer pwd, Pointer buf, long size, Pointer result) {
            return GETPWUID_R.invokeInt(new Object[] {uid, pwd, buf, size, result});
        }

        static int getgrgid_r(int gid, Pointer grp, Pointer buf, long size, Pointer result) {
            return GETGRGID_R.invokeInt(new Object[] {gid, grp, buf, size, result});
        }

        static int getgrnam_r(String name, Pointer grp, Pointer buf, long size, Pointer result) {
            return GETGRNAM_R.invokeInt(new Object[] {name, grp, buf, size, result});
        }
    }

    /** Loads JNA and looks the functions up now (milliseconds on a cold JVM), for a caller that can do it early. */
    static void load() {
        strerror(0);
    }

    /** The C library's text for an errno ({@code File exists}). */
    static String strerror(int errno) {
        String s = C.strerror(errno);
        return s == null ? "errno " + errno : s;
    }

    static int socket(int domain, int type, int protocol, String what) {
        try {
            return C.socket(domain, type | SOCK_CLOEXEC, protocol);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** Binds an AF_NETLINK socket: the kernel picks the port id, {@code groups} is the legacy group bitmask. */
    static void bindNetlink(int fd, int groups, String what) {
        byte[] sa = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .putShort((short) AF_NETLINK).putShort((short) 0).putInt(0).putInt(groups).array();
        try {
            C.bind(fd, sa, sa.length);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** Binds an AF_PACKET socket to one interface for all EtherTypes (struct sockaddr_ll). */
    static void bindPacket(int fd, int ifindex, String what) {
        byte[] sa = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
                .putShort((short) AF_PACKET)
                .putShort(Short.reverseBytes((short) ETH_P_ALL)) // sll_protocol is in network byte order
                .putInt(ifindex).array();
        try {
            C.bind(fd, sa, sa.length);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** Binds a socket to an AF_UNIX address encoded by {@link UnixDatagramSocket#encodeAddress}. */
    static void bindUnix(int fd, byte[] sockaddr, String what) {
        try {
            C.bind(fd, sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** Sends one datagram to an encoded address (sendto(2)), retrying when a signal interrupts it. */
    static void sendTo(int fd, byte[] buffer, byte[] sockaddr, String what) {
        while (true) {
            try {
                long n = C.sendto(fd, buffer, buffer.length, 0, sockaddr, sockaddr.length);
                if (n != buffer.length) {
                    throw new NetworkException(what + ": sent " + n + " of " + buffer.length + " bytes", 0);
                }
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
            }
        }
    }

    static void setIntOption(int fd, int level, int name, int value, String what) {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        try {
            C.setsockopt(fd, level, name, v, 4);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** SO_ATTACH_FILTER with a classic BPF program given as encoded {@code struct sock_filter}s. */
    static void attachFilter(int fd, byte[] instructions, String what) {
        try (Memory program = new Memory(Math.max(8, instructions.length));
             Memory fprog = new Memory(16)) {
            program.write(0, instructions, 0, instructions.length);
            // struct sock_fprog { unsigned short len; struct sock_filter *filter; } - the pointer sits at offset 8.
            fprog.clear();
            fprog.setShort(0, (short) (instructions.length / 8));
            fprog.setPointer(Native.POINTER_SIZE, program);
            C.setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, fprog, Native.POINTER_SIZE * 2);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    static void send(int fd, byte[] buffer, int length, String what) {
        while (true) {
            try {
                long n = C.send(fd, buffer, length, 0);
                if (n != length) {
                    throw new NetworkException(what + ": sent " + n + " of " + length + " bytes", 0);
                }
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
            }
        }
    }

    /**
     * Receives one datagram without blocking. Returns its full length (MSG_TRUNC: may exceed the buffer), or -1
     * when nothing is queued.
     */
    static int receive(int fd, byte[] buffer, String what) {
        while (true) {
            try {
                return (int) C.recv(fd, buffer, buffer.length, MSG_DONTWAIT | MSG_TRUNC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    return -1;
                }
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
            }
        }
    }

    /**
     * Waits until one of {@code fds} is readable or the timeout passes (-1: forever).
     *
     * @return the index in {@code fds} of the first readable descriptor, or -1 on timeout
     */
    static int pollReadable(int[] fds, int timeoutMillis, String what) {
        byte[] pfds = new byte[8 * fds.length];
        ByteBuffer b = ByteBuffer.wrap(pfds).order(ByteOrder.nativeOrder());
        for (int i = 0; i < fds.length; i++) {
            b.putInt(8 * i, fds[i]).putShort(8 * i + 4, POLLIN);
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int wait = timeoutMillis;
        while (true) {
            try {
                int n = C.poll(pfds, fds.length, wait);
                if (n == 0) {
                    return -1;
                }
                for (int i = 0; i < fds.length; i++) {
                    // POLLIN, POLLERR or POLLHUP: a recv will tell which.
                    if (b.getShort(8 * i + 6) != 0) {
                        return i;
                    }
                }
                return -1;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
                if (timeoutMillis >= 0) {
                    wait = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
                }
            }
        }
    }

    /** listen(2) on a bound stream socket. */
    static void listen(int fd, int backlog, String what) {
        try {
            C.listen(fd, backlog);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /**
     * Waits for the next connection (accept4(2), close-on-exec), retrying when a signal interrupts it.
     *
     * @throws NetworkException also when the socket was shut down to end the wait (EINVAL)
     */
    static int accept(int fd, String what) {
        while (true) {
            try {
                return C.accept4(fd, SOCK_CLOEXEC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
            }
        }
    }

    /** connect(2) to an encoded address. */
    static void connect(int fd, byte[] sockaddr, String what) {
        try {
            C.connect(fd, sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /**
     * Reads what the peer sent (recv(2), blocking), retrying when a signal interrupts it.
     *
     * @return the byte count, 0 when the peer closed or the socket was shut down
     */
    static int read(int fd, byte[] buffer, String what) {
        while (true) {
            try {
                return (int) C.recv(fd, buffer, buffer.length, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
            }
        }
    }

    /**
     * Sends all of {@code buffer} on a stream socket (without SIGPIPE when the peer is gone).
     *
     * @param wait false: send what the socket takes now and give up on the rest (a refusal to a client that may
     *             not read)
     */
    static void writeAll(int fd, byte[] buffer, boolean wait, String what) {
        int off = 0;
        while (off < buffer.length) {
            byte[] rest = off == 0 ? buffer : java.util.Arrays.copyOfRange(buffer, off, buffer.length);
            try {
                off += (int) C.send(fd, rest, rest.length, MSG_NOSIGNAL | (wait ? 0 : MSG_DONTWAIT));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN && !wait) {
                    return;
                }
                if (e.getErrorCode() != EINTR) {
                    throw failure(what, e);
                }
            }
        }
    }

    /** shutdown(2) both ways: a thread blocked reading or accepting on {@code fd} returns. Errors are moot. */
    static void shutdown(int fd) {
        try {
            C.shutdown(fd, SHUT_RDWR);
        } catch (LastErrorException e) {
            // not connected, or already shut down: nothing is waiting on it then
        }
    }

    /** SO_PEERCRED: the peer's {@code pid, uid, gid} as the kernel recorded them when it connected. */
    static int[] peerCredentials(int fd, String what) {
        byte[] ucred = new byte[12];
        byte[] length = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(12).array();
        try {
            C.getsockopt(fd, SOL_SOCKET, SO_PEERCRED, ucred, length);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
        ByteBuffer b = ByteBuffer.wrap(ucred).order(ByteOrder.nativeOrder());
        return new int[] {b.getInt(0), b.getInt(4), b.getInt(8)};
    }

    /** The user name of {@code uid} (getpwuid_r(3), so NSS sources count), or empty when there is none. */
    static java.util.Optional<String> userName(int uid) {
        return name(uid, true);
    }

    /** The group name of {@code gid} (getgrgid_r(3)), or empty when there is none. */
    static java.util.Optional<String> groupName(int gid) {
        return name(gid, false);
    }

    /** Both structs start with the name pointer (pw_name, gr_name); 64 bytes hold either on LP64. */
    private static java.util.Optional<String> name(int id, boolean user) {
        return lookUp((entry, buf, size, result) -> user
                ? C.getpwuid_r(id, entry, buf, size, result)
                : C.getgrgid_r(id, entry, buf, size, result), entry -> {
                    Pointer name = entry.getPointer(0);
                    return name == null ? null : name.getString(0);
                });
    }

    /**
     * The id of group {@code name} (getgrnam_r(3), so NSS sources count), or empty when there is none: what the JDK's
     * principal lookup answers too, without the security properties it parses to word the exception for a missing
     * group (5-6 ms of CPU on the way to the network).
     */
    static java.util.OptionalInt groupId(String name) {
        // struct group on LP64: gr_name, gr_passwd (pointers), then gr_gid at offset 16.
        java.util.Optional<Integer> gid = lookUp((entry, buf, size, result) ->
                C.getgrnam_r(name, entry, buf, size, result), entry -> entry.getInt(16));
        return gid.map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    private interface EntryCall {
        int call(Pointer entry, Pointer buf, long size, Pointer result);
    }

    /** Runs a get*_r call with a growing buffer (ERANGE) and reads the entry it filled, if it found one. */
    private static <T> java.util.Optional<T> lookUp(EntryCall call, java.util.function.Function<Pointer, T> read) {
        for (int size = 16 * 1024; size <= 1024 * 1024; size *= 4) {
            try (Memory entry = new Memory(64); Memory buf = new Memory(size); Memory result = new Memory(8)) {
                result.setPointer(0, null);
                int rc = call.call(entry, buf, size, result);
                if (rc == ERANGE) {
                    continue;
                }
                if (rc != 0 || result.getPointer(0) == null) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.ofNullable(read.apply(entry));
            }
        }
        return java.util.Optional.empty();
    }

    static void close(int fd) {
        try {
            C.close(fd);
        } catch (LastErrorException e) {
            // close(2) releases the descriptor even when it reports an error, so there is nothing to undo.
        }
    }

    static int eventfd(String what) {
        try {
            return C.eventfd(0, EFD_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** Adds one to an eventfd, waking whoever polls it. */
    static void signal(int eventFd, String what) {
        byte[] one = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(1).array();
        try {
            C.write(eventFd, one, 8);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
    }

    /** Moves the calling thread into the network namespace bound at {@code path} (/run/netns/NAME). */
    static void enterNetworkNamespace(String path, String what) {
        int fd;
        try {
            fd = C.open(path, O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure(what + ": open " + path, e);
        }
        try {
            C.setns(fd, CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw failure(what + ": setns " + path, e);
        } finally {
            close(fd);
        }
    }

    /**
     * Reads a small file such as a /proc/sys entry from the calling thread (whose network namespace decides what
     * /proc/sys/net shows). Returns null when the file does not exist.
     */
    static byte[] readFile(String path, String what) {
        int fd;
        try {
            fd = C.open(path, O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOENT) {
                return null;
            }
            throw failure(what, e);
        }
        try {
            byte[] buf = new byte[4096];
            int size = 0;
            while (true) {
                byte[] chunk = new byte[4096];
                long n = C.read(fd, chunk, chunk.length);
                if (n <= 0) {
                    return java.util.Arrays.copyOf(buf, size);
                }
                if (size + n > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + (int) n));
                }
                System.arraycopy(chunk, 0, buf, size, (int) n);
                size += (int) n;
            }
        } catch (LastErrorException e) {
            throw failure(what, e);
        } finally {
            close(fd);
        }
    }

    /** Writes {@code data} in one write(2), as /proc/sys requires, from the calling thread. */
    static void writeFile(String path, byte[] data, String what) {
        int fd;
        try {
            fd = C.open(path, O_WRONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure(what, e);
        }
        try {
            long n = C.write(fd, data, data.length);
            if (n != data.length) {
                throw new NetworkException(what + ": wrote " + n + " of " + data.length + " bytes", 0);
            }
        } catch (LastErrorException e) {
            throw failure(what, e);
        } finally {
            close(fd);
        }
    }

    private static NetworkException failure(String what, LastErrorException e) {
        int errno = e.getErrorCode();
        return new NetworkException(what + ": " + strerror(errno), errno, e);
    }
}
