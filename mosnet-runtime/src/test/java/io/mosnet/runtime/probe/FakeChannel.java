package io.mosnet.runtime.probe;

import io.mosnet.api.net.Link;
import io.mosnet.api.net.PacketChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A channel whose peer turns each sent frame into zero or one answer. */
public final class FakeChannel implements PacketChannel {
    final Link link;
    final Function<ByteBuffer, ByteBuffer> peer;
    final BlockingQueue<ByteBuffer> inbox = new LinkedBlockingQueue<>();
    public final List<String> sent = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

    public FakeChannel(Link link, Function<ByteBuffer, ByteBuffer> peer) {
        this.link = link;
        this.peer = peer;
    }

    @Override
    public Link link() {
        return link;
    }

    @Override
    public void send(ByteBuffer frame) {
        sent.add(Frames.hex(frame));
        ByteBuffer answer = peer.apply(frame.duplicate());
        if (answer != null) {
            inbox.add(answer);
        }
    }

    @Override
    public boolean receive(ByteBuffer into, Duration timeout) {
        try {
            ByteBuffer f = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (f == null) {
                return false;
            }
            into.clear();
            into.put(f.duplicate());
            into.flip();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Counted down to let close() return; the kernel's AF_PACKET close waits for an RCU grace period. */
    volatile java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(0);

    @Override
    public void close() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
    }
}
