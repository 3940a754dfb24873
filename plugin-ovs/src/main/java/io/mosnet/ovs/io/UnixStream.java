package io.mosnet.ovs.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connected Unix stream socket with read and write deadlines. OVSDB, OpenFlow and unixctl all speak over such
 * sockets; java.nio has no socket timeouts for them, so reads and writes wait on selectors instead.
 */
public final class UnixStream implements Closeable {

    private final Path path;
    private final SocketChannel channel;
    private final Selector readSelector;
    private final Selector writeSelector;
    private final Object writeLock = new Object();

    private UnixStream(Path path, SocketChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        channel.configureBlocking(false);
        this.readSelector = Selector.open();
        this.writeSelector = Selector.open();
        channel.register(readSelector, SelectionKey.OP_READ);
        channel.register(writeSelector, SelectionKey.OP_WRITE);
    }

    /** Connects to the socket at {@code path}; the IOException names the path and the system's answer. */
    public static UnixStream connect(Path path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(path));
            return new UnixStream(path, ch);
        } catch (IOException e) {
            ch.close();
            throw new IOException("connect to " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** Reads up to {@code into.remaining()} bytes, waiting at most {@code timeout}; -1 at end of stream. */
    public int read(ByteBuffer into, Duration timeout) throws IOException {
        synchronized (readSelector) {
            int n = channel.read(into);
            if (n != 0) {
                return n;
            }
            readSelector.selectedKeys().clear();
            if (readSelector.select(Math.max(1, timeout.toMillis())) == 0) {
                throw new SocketTimeoutException("no data from " + path + " within " + timeout.toMillis() + " ms");
            }
            return channel.read(into);
        }
    }

    /** Writes all of {@code data}, waiting at most {@code timeout} for the peer to drain its buffer. */
    public void write(byte[] data, Duration timeout) throws IOException {
        synchronized (writeLock) {
            ByteBuffer b = ByteBuffer.wrap(data);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (b.hasRemaining()) {
                if (channel.write(b) > 0) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                writeSelector.selectedKeys().clear();
                if (left <= 0 || writeSelector.select(Math.max(1, left / 1_000_000)) == 0) {
                    throw new SocketTimeoutException(path + " accepted no data within " + timeout.toMillis() + " ms");
                }
            }
        }
    }

    /** A blocking stream view whose reads fail with SocketTimeoutException after {@code timeout} of silence. */
    public InputStream input(Duration timeout) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n;
                do {
                    n = UnixStream.this.read(ByteBuffer.wrap(b, off, len), timeout);
                } while (n == 0);
                return n;
            }
        };
    }

    @Override
    public void close() {
        try {
            readSelector.close();
            writeSelector.close();
            channel.close();
        } catch (IOException e) {
            // Closing a Unix socket only fails on an already broken descriptor; nothing is left to release.
        }
    }
}
