package io.mosnet.runtime.daemon;

import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;

/**
 * One-time set-up the daemon is certain to need, started on two more threads the moment mosnetd starts so that it
 * overlaps configuration and plugin discovery on the main thread instead of following them (as Spring Boot's
 * BackgroundPreinitializer does): JNA's loading of libc, which the first netlink socket waits for, and the JDK's
 * AF_UNIX socket support, whose class initialisation sets up a SecureRandom before the API can listen. Whichever
 * thread gets to a class first initialises it; the other waits for that, never repeats it. Nothing here logs or
 * changes the host. (tinylog sets itself up on a thread of its own, see TinylogBackend. Jackson's set-up was tried
 * here: with two cores it only took CPU from the main thread; the API readies it once the network is up.)
 */
final class BackgroundPreinit {

    private BackgroundPreinit() {
    }

    /**
     * Two threads, JNA's binding (the longest: the main thread reaches its first netlink call before it is done)
     * first; that thread starts the other, so that the main thread waits for one thread start (milliseconds when the
     * cores are busy), not two.
     */
    static void start() {
        Thread.ofPlatform().daemon().name("mosnet-preinit-jna").start(() -> {
            Thread.ofPlatform().daemon().name("mosnet-preinit-jdk").start(BackgroundPreinit::readyJdk);
            bindNative();
        });
    }

    private static void bindNative() {
        try {
            NetlinkHostNetwork.loadNative();
        } catch (RuntimeException | LinkageError e) {
            // The main thread meets the same failure when it opens netlink, and reports it there.
        }
    }

    private static void readyJdk() {
        try {
            ServerSocketChannel.open(StandardProtocolFamily.UNIX).close();
        } catch (IOException | RuntimeException e) {
            // The API server's own open names the problem.
        }
    }
}
