package io.mosnet.runtime.daemon;

import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;

/**
 * One-time set-up the daemon is certain to need, started on a second thread the moment mosnetd starts so that it
 * overlaps logging, configuration and plugin discovery on the main thread instead of following them (as Spring Boot's
 * BackgroundPreinitializer does): JNA's binding of libc, and the JDK's AF_UNIX socket support, whose class
 * initialisation sets up a SecureRandom. Whichever thread gets to a class first initialises it; the other waits for
 * that, never repeats it. Nothing here logs (logging is not configured yet) or changes anything on the host.
 */
final class BackgroundPreinit {

    private BackgroundPreinit() {
    }

    static void start() {
        Thread.ofPlatform().daemon().name("mosnet-preinit").start(BackgroundPreinit::run);
    }

    private static void run() {
        try {
            NetlinkHostNetwork.loadNative();
        } catch (RuntimeException | LinkageError e) {
            // The main thread meets the same failure when it opens netlink, and reports it there.
        }
        try {
            ServerSocketChannel.open(StandardProtocolFamily.UNIX).close();
        } catch (IOException | RuntimeException e) {
            // As above: the API server's own open names the problem.
        }
    }
}
