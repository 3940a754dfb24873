package io.mosnet.runtime.daemon;

import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import java.io.IOException;
import java.lang.module.ResolvedModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

/**
 * One-time set-up the daemon is certain to need, started on two more threads the moment mosnetd starts so that it
 * overlaps configuration and plugin discovery on the main thread instead of following them (as Spring Boot's
 * BackgroundPreinitializer does): JNA's loading of libc, which the first netlink socket waits for; the module path's
 * jars, which the first service lookups all open (see {@link #openJars}). (The API's socket is mosnet's own since
 * the JDK's AF_UNIX support set up a SecureRandom first; see UnixStreamServer.) Whichever thread gets to a class first
 * initialises it; the other waits for that, never repeats it. Nothing here logs or changes the host. (tinylog sets
 * itself up on a thread of its own, see TinylogBackend. Jackson's set-up was tried here: with two cores it only took
 * CPU from the main thread; the API readies it once the network is up.)
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
            Thread.ofPlatform().daemon().name("mosnet-preinit-jars").start(BackgroundPreinit::openJars);
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

    /** See {@link #openJars}; guarded by itself. */
    private static final List<JarFile> OPENED = new ArrayList<>();

    /**
     * Opens the module path's jars ahead of the first service lookups. java.util.logging's (JNA's classes hold its
     * loggers) reads META-INF/services from every jar on the way to the network (tinylog's lookups come after it, see
     * TinylogBackend), opening every jar (interpreted zip code, tens of milliseconds). The JDK shares a
     * jar's parsed central directory between the JarFiles open on it at the same time: jars opened here, from the
     * other end of the list, are jars they find ready. Kept open until {@link #release}.
     */
    private static void openJars() {
        List<ResolvedModule> modules = new ArrayList<>(ModuleLayer.boot().configuration().modules());
        Collections.reverse(modules);
        for (ResolvedModule m : modules) {
            m.reference().location()
                    .filter(u -> "file".equals(u.getScheme()) && u.getPath().endsWith(".jar"))
                    .ifPresent(u -> {
                        try {
                            JarFile jar = new JarFile(u.getPath());
                            synchronized (OPENED) {
                                OPENED.add(jar);
                            }
                        } catch (IOException e) {
                            // Only a head start: the class loader opens the jar itself when it needs it.
                        }
                    });
        }
    }

    /** Closes what {@link #openJars} opened, once start-up is over (the class loader keeps its own). */
    static void release() {
        synchronized (OPENED) {
            for (JarFile jar : OPENED) {
                try {
                    jar.close();
                } catch (IOException e) {
                    // nothing was written through it
                }
            }
            OPENED.clear();
        }
    }
}
