package io.mosnet.nftables;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Every foreign call of this module: libnftables (one context per command batch) and the two libc calls that move
 * a thread into a network namespace. Wrappers check return values and throw {@link NftablesException} with the
 * library's own error text; no {@link Pointer} leaves this class.
 */
final class LinuxNative {

    /** {@code NFT_CTX_DEFAULT} of libnftables.h. */
    private static final int NFT_CTX_DEFAULT = 0;
    /** {@code NFT_CTX_OUTPUT_HANDLE}: listings carry rule handles. */
    private static final int NFT_CTX_OUTPUT_HANDLE = 1 << 3;
    /** {@code NFT_CTX_OUTPUT_JSON}: listings are JSON, and JSON input is recognised. */
    private static final int NFT_CTX_OUTPUT_JSON = 1 << 4;

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    /** The libnftables binding of {@code libnftables.so.1} (nftables ≥ 0.9.3 has every call used here). */
    interface Nft extends Library {
        Pointer nft_ctx_new(int flags);

        void nft_ctx_free(Pointer ctx);

        void nft_ctx_output_set_flags(Pointer ctx, int flags);

        int nft_ctx_buffer_output(Pointer ctx);

        int nft_ctx_buffer_error(Pointer ctx);

        String nft_ctx_get_output_buffer(Pointer ctx);

        String nft_ctx_get_error_buffer(Pointer ctx);

        int nft_run_cmd_from_buffer(Pointer ctx, String buffer);
    }

    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        String strerror(int errno);
    }

    /** What one batch answered: libnftables' return code and its output and error buffers. */
    record Result(int status, String output, String error) {
        boolean ok() {
            return status == 0;
        }
    }

    private static final Object LOCK = new Object();
    private static volatile Nft nft;
    private static volatile LibC libc;

    private LinuxNative() {
    }

    /**
     * Runs one command buffer (a JSON document) in a fresh libnftables context created on the calling thread, so
     * in that thread's network namespace. libnftables keeps some process-wide state (the parser's symbol tables),
     * so batches are serialised.
     */
    static Result run(String buffer) {
        Nft lib = nft();
        synchronized (LOCK) {
            Pointer ctx = lib.nft_ctx_new(NFT_CTX_DEFAULT);
            if (ctx == null) {
                throw new NftablesException("nft_ctx_new: libnftables could not create a context");
            }
            try {
                lib.nft_ctx_output_set_flags(ctx, NFT_CTX_OUTPUT_JSON | NFT_CTX_OUTPUT_HANDLE);
                if (lib.nft_ctx_buffer_output(ctx) != 0 || lib.nft_ctx_buffer_error(ctx) != 0) {
                    throw new NftablesException("nft_ctx_buffer_output: libnftables could not buffer its output");
                }
                int status = lib.nft_run_cmd_from_buffer(ctx, buffer);
                return new Result(status, nullToEmpty(lib.nft_ctx_get_output_buffer(ctx)),
                        nullToEmpty(lib.nft_ctx_get_error_buffer(ctx)));
            } finally {
                lib.nft_ctx_free(ctx);
            }
        }
    }

    /**
     * Moves the calling thread (only it: network namespaces are per task) into the namespace bound at {@code path},
     * as {@code ip netns exec} does. The thread must be a platform thread that runs nothing else afterwards.
     */
    static void enterNetworkNamespace(String path) {
        LibC c = libc();
        int fd;
        try {
            fd = c.open(path, O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new NftablesException("open " + path + ": " + c.strerror(e.getErrorCode()), e);
        }
        try {
            c.setns(fd, CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new NftablesException("setns " + path + " CLONE_NEWNET: " + c.strerror(e.getErrorCode()), e);
        } finally {
            try {
                c.close(fd);
            } catch (LastErrorException ignored) {
                // close(2) of a read-only namespace fd cannot lose data; the setns result is what matters.
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Nft nft() {
        Nft lib = nft;
        if (lib == null) {
            synchronized (LOCK) {
                if (nft == null) {
                    try {
                        // The versioned soname: the unversioned libnftables.so comes only with the -dev package.
                        nft = Native.load("libnftables.so.1", Nft.class);
                    } catch (UnsatisfiedLinkError e) {
                        throw new NftablesException(
                                "loading libnftables.so.1: " + e.getMessage() + " (install the libnftables1 package)", e);
                    }
                }
                lib = nft;
            }
        }
        return lib;
    }

    private static LibC libc() {
        LibC c = libc;
        if (c == null) {
            synchronized (LOCK) {
                if (libc == null) {
                    libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
                }
                c = libc;
            }
        }
        return c;
    }
}
