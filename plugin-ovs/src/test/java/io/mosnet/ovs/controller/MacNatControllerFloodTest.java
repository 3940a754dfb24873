package io.mosnet.ovs.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.ovs.io.FakeUnixServer;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfCodec;
import io.mosnet.ovs.openflow.OfFrame;
import io.mosnet.ovs.openflow.OfMessage;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller against a scripted switch on a Unix socket: handshake, flow install, and a packet-in flood. */
class MacNatControllerFloodTest {

    private static final int FLOOD = 20_000;

    @TempDir
    Path dir;

    private static OfFrame read(DataInputStream in) throws Exception {
        byte[] header = in.readNBytes(8);
        byte[] whole = new byte[OfCodec.announcedLength(header)];
        System.arraycopy(header, 0, whole, 0, 8);
        in.readFully(whole, 8, whole.length - 8);
        return OfCodec.decode(whole);
    }

    @Test
    void floodIsDroppedBoundedlyAndKeepalivesStillAnswered() throws Exception {
        AtomicInteger flowMods = new AtomicInteger();
        AtomicInteger packetOuts = new AtomicInteger();
        FakeUnixServer.Script script = (InputStream raw, OutputStream out) -> {
            DataInputStream in = new DataInputStream(raw);
            assertTrue(read(in).message() instanceof OfMessage.Hello);
            out.write(OfCodec.encode(new OfMessage.Hello(6, 0), 1));
            OfFrame f;
            while (!((f = read(in)).message() instanceof OfMessage.BarrierRequest)) {
                if (f.message() instanceof OfMessage.FlowStatsRequest) {
                    out.write(OfCodec.encode(new OfMessage.FlowStatsReply(false, java.util.List.of()), f.xid()));
                }
                if (f.message() instanceof OfMessage.FlowMod) {
                    flowMods.incrementAndGet();
                }
            }
            out.write(OfCodec.encode(new OfMessage.BarrierReply(), f.xid()));
            // Flood without reading: the proxy thread soon blocks on a full socket, so the queue must overflow.
            byte[] packetIn = OfCodec.encode(new OfMessage.PacketIn(OfCodec.NO_BUFFER, 42, 1, 0, FlowPlan.COOKIE,
                    Match.any().inPort(1), FramesTest.ARP_REQUEST), 0);
            for (int i = 0; i < FLOOD; i++) {
                out.write(packetIn);
            }
            out.write(OfCodec.encode(new OfMessage.EchoRequest(new byte[] {7}), 0x99));
            while (true) {
                f = read(in);
                if (f.message() instanceof OfMessage.PacketOut) {
                    packetOuts.incrementAndGet();
                }
                if (f.message() instanceof OfMessage.EchoReply && f.xid() == 0x99) {
                    return;
                }
            }
        };
        try (FakeUnixServer server = new FakeUnixServer(dir, script);
             MacNatController c = new MacNatController(server.path(), new MacNatController.Config(Mode.STATIC, 1,
                     FramesTest.NIC, Set.<InetAddress>of(IpAddresses.parse("10.0.0.2"))), r -> {
                         Thread t = new Thread(r);
                         t.setDaemon(true);
                         return t;
                     }, Duration.ofSeconds(5))) {
            c.start();
            assertTrue(c.awaitInstalled(Duration.ofSeconds(5)), String.valueOf(c.lastError()));
            server.awaitScript();
            Map<String, Object> status = c.status();
            int planned = FlowPlan.flows(Mode.STATIC, 1, FramesTest.NIC,
                    Set.<InetAddress>of(IpAddresses.parse("10.0.0.2")), java.util.List.of()).size();
            assertEquals(planned, flowMods.get(), "an empty switch gets the static flow set");
            long dropped = (Long) status.get("packet_ins_dropped");
            assertTrue(dropped > 0, status.toString());
            assertTrue(packetOuts.get() <= FLOOD - dropped, packetOuts + " answers for " + (FLOOD - dropped) + " queued");
        }
    }
}
