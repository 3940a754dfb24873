package io.mosnet.ovs.openflow;

import io.mosnet.ovs.io.UnixStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenFlow 1.3 connection to a switch's Unix socket (for Open vSwitch, {@code <rundir>/<bridge>.mgmt}): framing
 * by the header's length field, transaction ids, and the version handshake (section 7.5.1). Sending is thread-safe;
 * receiving belongs to one thread.
 */
public final class OfChannel implements Closeable {

    private final UnixStream stream;
    private final Duration writeTimeout;
    private final AtomicLong xids = new AtomicLong(1);

    private OfChannel(UnixStream stream, Duration writeTimeout) {
        this.stream = stream;
        this.writeTimeout = writeTimeout;
    }

    /** Connects and exchanges HELLO; fails unless the switch speaks OpenFlow 1.3. */
    public static OfChannel open(Path socket, Duration timeout) throws IOException {
        OfChannel ch = new OfChannel(UnixStream.connect(socket), timeout);
        try {
            ch.send(OfMessage.Hello.openFlow13());
            OfFrame hello = ch.receive(timeout);
            if (!(hello.message() instanceof OfMessage.Hello h)) {
                throw new OpenFlowException("OpenFlow handshake with " + socket + ": expected HELLO, got "
                        + hello.message());
            }
            if (!h.supports13()) {
                throw new OpenFlowException("OpenFlow handshake with " + socket + ": switch offers version "
                        + h.version() + " without OpenFlow 1.3 (check the bridge's protocols column)");
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return stream.path();
    }

    /** Sends with a fresh transaction id and returns it. */
    public long send(OfMessage message) throws IOException {
        long xid = xids.getAndIncrement() & 0xffffffffL;
        send(message, xid);
        return xid;
    }

    public void send(OfMessage message, long xid) throws IOException {
        stream.write(OfCodec.encode(message, xid), writeTimeout);
    }

    /** Reads one whole message; SocketTimeoutException after {@code timeout} of silence, EOFException on close. */
    public OfFrame receive(Duration timeout) throws IOException {
        byte[] header = readFully(OfCodec.HEADER_LENGTH, timeout);
        int length = OfCodec.announcedLength(header);
        if (length < OfCodec.HEADER_LENGTH) {
            throw new OpenFlowException("OpenFlow message from " + stream.path() + " announces " + length
                    + " bytes, less than its header");
        }
        byte[] whole = new byte[length];
        System.arraycopy(header, 0, whole, 0, header.length);
        if (length > header.length) {
            byte[] rest = readFully(length - header.length, timeout);
            System.arraycopy(rest, 0, whole, header.length, rest.length);
        }
        return OfCodec.decode(whole);
    }

    private byte[] readFully(int n, Duration timeout) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (stream.read(b, timeout) < 0) {
                throw new EOFException(stream.path() + " closed the OpenFlow connection");
            }
        }
        return b.array();
    }

    @Override
    public void close() {
        stream.close();
    }
}
