package io.mosnet.runtime.daemon;

import io.mosnet.runtime.netlink.NetlinkHostNetwork;

/**
 * One-time set-up the daemon is certain to need, started on a thread of its own the moment mosnetd starts so that it
 * overlaps configuration and plugin discovery on the main thread instead of following them (as Spring Boot's
 * BackgroundPreinitializer does): JNA's loading of libc, which the first netlink socket waits for. Whichever thread
 * gets to a class first initialises it; the other waits for that, never repeats it. Nothing here logs or changes the
 * host. (tinylog sets itself up on a thread of its own, see TinylogBackend. Jackson's set-up was tried here: with two
 * cores it only took CPU from the main thread; the API readies it once the network is up. A second thread opened the
 * module path's jars ahead of the JDK's search of them for a logger finder, which the runtime module now provides:
 * see SystemLoggerFinder.)
 */
final class BackgroundPreinit {

    private BackgroundPreinit() {
    }

    static void start() {
        Thread.ofPlatform().daemon().name("mosnet-preinit-jna").start(BackgroundPreinit::bindNative);
    }

    private static void bindNative() {
        try {
            NetlinkHostNetwork.loadNative();
        } catch (RuntimeException | LinkageError e) {
            // The main thread meets the same failure when it opens netlink, and reports it there.
        }
    }
}
