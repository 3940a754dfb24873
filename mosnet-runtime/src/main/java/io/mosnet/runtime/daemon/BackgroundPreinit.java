package io.mosnet.runtime.daemon;

import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;

/**
 * One-time set-up the daemon is certain to need, started on two more threads the moment mosnetd starts so that it
 * overlaps logging, configuration and plugin discovery on the main thread instead of following them (as Spring Boot's
 * BackgroundPreinitializer does). In the order the main thread will want them: what tinylog's set-up waits for (the
 * default time zone, read from the tz database; the runtime MXBean it asks for the JVM's start), JNA's binding of
 * libc, and the JDK's AF_UNIX socket support (its class initialisation sets up a SecureRandom). Whichever thread gets
 * to a class first initialises it; the other waits for that, never repeats it. Nothing here logs (logging is not
 * configured yet) or changes the host. Opening the module jars ahead of tinylog's service lookups was tried (both
 * threads then contend for the same jar readers), and so was Jackson's set-up (with two cores it only took CPU from
 * the main thread; the API readies it once the network is up).
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
            java.util.TimeZone.getDefault();
            java.lang.management.ManagementFactory.getRuntimeMXBean();
        } catch (RuntimeException e) {
            // Only a head start: tinylog does the same again and reports what fails.
        }
        try {
            ServerSocketChannel.open(StandardProtocolFamily.UNIX).close();
        } catch (IOException | RuntimeException e) {
            // As above: the API server's own open names the problem.
        }
    }
}
