package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.net.NetworkException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A netlink socket joined to rtnetlink multicast groups and a daemon thread that decodes what arrives and hands it
 * to the listener. Malformed messages, overruns (ENOBUFS) and listener failures are logged and skipped: the thread
 * only ends when the subscription is closed, which wakes it through an eventfd, leaves the groups and closes the
 * socket.
 */
final class EventSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);

    private final NetlinkSocket socket;
    private final int wakeFd;
    private final int[] groups;
    private final Consumer<NetworkEvent> listener;
    private final Thread thread;
    private volatile boolean closed;

    private EventSubscription(NetlinkSocket socket, int wakeFd, int[] groups, Consumer<NetworkEvent> listener,
                              String threadName) {
        this.socket = socket;
        this.wakeFd = wakeFd;
        this.groups = groups;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::run);
    }

    /** Opens the socket in {@code namespace}, joins {@code groups} and starts the thread. */
    static EventSubscription start(NetworkNamespace namespace, Set<NetworkEvent.Group> groups,
                                   Consumer<NetworkEvent> listener) {
        int[] numbers = groups.stream().mapToInt(EventSubscription::groupNumber).toArray();
        NetlinkSocket socket = namespace.call(NetlinkSocket::open);
        int wake;
        try {
            wake = LinuxNative.eventfd("eventfd for the rtnetlink event thread");
            try {
                for (int g : numbers) {
                    socket.joinGroup(g);
                }
            } catch (RuntimeException e) {
                LinuxNative.close(wake);
                throw e;
            }
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        String name = "rtnl-events" + (namespace.name() == null ? "" : "-" + namespace.name());
        EventSubscription s = new EventSubscription(socket, wake, numbers, listener, name);
        s.thread.start();
        return s;
    }

    /** RTNLGRP_* numbers; joining by number rather than the legacy bind bitmask reaches groups above 32 too. */
    static int groupNumber(NetworkEvent.Group g) {
        return switch (g) {
            case LINK -> Rtnl.RTNLGRP_LINK;
            case IPV4_ADDRESS -> Rtnl.RTNLGRP_IPV4_IFADDR;
            case IPV6_ADDRESS -> Rtnl.RTNLGRP_IPV6_IFADDR;
            case IPV4_ROUTE -> Rtnl.RTNLGRP_IPV4_ROUTE;
            case IPV6_ROUTE -> Rtnl.RTNLGRP_IPV6_ROUTE;
            case ND_USER_OPTION -> Rtnl.RTNLGRP_ND_USEROPT;
        };
    }

    private void run() {
        int[] fds = {socket.fd(), wakeFd};
        while (!closed) {
            int ready;
            try {
                ready = LinuxNative.pollReadable(fds, -1, "poll rtnetlink event socket");
            } catch (NetworkException e) {
                LOG.error("rtnetlink event thread stops: {}", e.getMessage(), e);
                return;
            }
            if (ready != 0 || closed) {
                continue;
            }
            drain();
        }
    }

    private void drain() {
        while (!closed) {
            List<NetlinkMessage> batch;
            try {
                batch = socket.receivePending();
            } catch (NetworkException e) {
                if (e.errno() == LinuxNative.ENOBUFS) {
                    // The kernel dropped events because we fell behind; listeners see the next ones.
                    LOG.warn("rtnetlink events were lost (receive queue overrun)");
                    continue;
                }
                LOG.warn("skipping undecodable rtnetlink event datagram: {}", e.getMessage());
                continue;
            }
            if (batch.isEmpty()) {
                return;
            }
            for (NetlinkMessage m : batch) {
                deliver(m);
            }
        }
    }

    private void deliver(NetlinkMessage m) {
        dispatch(m, listener);
    }

    /** Decodes one message and hands the event to the listener; failures of either are logged, never thrown. */
    static void dispatch(NetlinkMessage m, Consumer<NetworkEvent> listener) {
        Optional<NetworkEvent> event;
        try {
            event = EventCodec.decode(m);
        } catch (RuntimeException e) {
            LOG.warn("skipping malformed {}: {}", m, e.getMessage());
            return;
        }
        if (event.isEmpty()) {
            return;
        }
        try {
            listener.accept(event.get());
        } catch (RuntimeException e) {
            LOG.warn("network event listener failed on {}: {}", event.get(), e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LinuxNative.signal(wakeFd, "wake the rtnetlink event thread");
            if (Thread.currentThread() != thread) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (int g : groups) {
                try {
                    socket.leaveGroup(g);
                } catch (NetworkException e) {
                    LOG.debug("leaving group {}: {}", g, e.getMessage());
                }
            }
            socket.close();
            LinuxNative.close(wakeFd);
        }
    }
}
