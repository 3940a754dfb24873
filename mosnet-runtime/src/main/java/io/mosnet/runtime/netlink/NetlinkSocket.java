package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An AF_NETLINK/NETLINK_ROUTE socket. Requests are numbered, and answers are matched to them by sequence number, so
 * a late answer to an earlier request that timed out is skipped rather than mistaken for the current one.
 * Requests are serialised: one socket carries one conversation at a time.
 */
final class NetlinkSocket implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int SOCKET_BUFFER = 1 << 20;
    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;
    private static final int DUMP_ATTEMPTS = 5;

    private final int fd;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int sequence = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    private volatile boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** Opens a request socket (groups 0) with extended ACKs, so errors carry the kernel's explanation. */
    static NetlinkSocket open() {
        return open(0);
    }

    static NetlinkSocket open(int legacyGroups) {
        int fd = LinuxNative.socket(LinuxNative.AF_NETLINK, LinuxNative.SOCK_RAW, LinuxNative.NETLINK_ROUTE,
                "socket(AF_NETLINK, NETLINK_ROUTE)");
        try {
            LinuxNative.setIntOption(fd, LinuxNative.SOL_NETLINK, LinuxNative.NETLINK_EXT_ACK, 1,
                    "setsockopt NETLINK_EXT_ACK");
            LinuxNative.setIntOption(fd, LinuxNative.SOL_SOCKET, LinuxNative.SO_RCVBUF, SOCKET_BUFFER,
                    "setsockopt SO_RCVBUF");
            LinuxNative.bindNetlink(fd, legacyGroups, "bind AF_NETLINK");
            return new NetlinkSocket(fd);
        } catch (RuntimeException e) {
            LinuxNative.close(fd);
            throw e;
        }
    }

    int fd() {
        return fd;
    }

    void joinGroup(int group) {
        LinuxNative.setIntOption(fd, LinuxNative.SOL_NETLINK, LinuxNative.NETLINK_ADD_MEMBERSHIP, group,
                "join rtnetlink group " + group);
    }

    void leaveGroup(int group) {
        LinuxNative.setIntOption(fd, LinuxNative.SOL_NETLINK, LinuxNative.NETLINK_DROP_MEMBERSHIP, group,
                "leave rtnetlink group " + group);
    }

    /**
     * Sends a request and collects its answers: every message of a dump, the single reply of a get, nothing for a
     * change that was ACKed. An NLMSG_ERROR with a non-zero errno becomes a {@link NetworkException} saying
     * {@code what} and what the kernel answered.
     */
    synchronized List<NetlinkMessage> request(MessageWriter request, String what) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(request, what);
            if (!answer.interrupted || attempt == DUMP_ATTEMPTS) {
                // After several interrupted dumps the last, possibly inconsistent one is still the best there is.
                return answer.messages;
            }
        }
    }

    /** Receives whatever multicast messages are queued, without blocking; empty when none are. */
    List<NetlinkMessage> receivePending() {
        int n = LinuxNative.receive(fd, buffer, "recv on rtnetlink event socket");
        if (n < 0) {
            return List.of();
        }
        if (n > buffer.length) {
            throw new MalformedMessageException("event datagram of " + n + " bytes truncated to " + buffer.length);
        }
        return NetlinkMessage.decodeAll(buffer, n);
    }

    private record Answer(List<NetlinkMessage> messages, boolean interrupted) {
    }

    private Answer exchange(MessageWriter request, String what) {
        if (closed) {
            throw new NetworkException(what + ": the netlink handle is closed", 9);
        }
        NetlinkMessage m = request.toMessage(nextSequence());
        byte[] bytes = m.encode();
        LinuxNative.send(fd, bytes, bytes.length, what);
        ReplyCollector collector = new ReplyCollector(m, what);
        long deadline = System.nanoTime() + ANSWER_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            int wait = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            if (LinuxNative.pollReadable(new int[] {fd}, wait, what) < 0) {
                throw new NetworkException(what + ": no answer from the kernel within " + ANSWER_TIMEOUT_MILLIS
                        + " ms", LinuxNative.ETIMEDOUT);
            }
            int n = LinuxNative.receive(fd, buffer, what);
            if (n < 0) {
                continue;
            }
            if (n > buffer.length) {
                throw new NetworkException(what + ": answer of " + n + " bytes does not fit the " + buffer.length
                        + "-byte buffer", LinuxNative.ENOBUFS);
            }
            for (NetlinkMessage reply : NetlinkMessage.decodeAll(buffer, n)) {
                if (collector.accept(reply)) {
                    return new Answer(collector.replies(), collector.interrupted());
                }
            }
        }
    }

    static NetworkException failure(String what, ErrorMessage error) {
        String text = what + ": " + LinuxNative.strerror(error.errno());
        if (error.detail() != null && !error.detail().isBlank()) {
            text += " (" + error.detail() + ")";
        }
        return new NetworkException(text, error.errno());
    }

    private int nextSequence() {
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        return sequence;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LinuxNative.close(fd);
        }
    }
}
