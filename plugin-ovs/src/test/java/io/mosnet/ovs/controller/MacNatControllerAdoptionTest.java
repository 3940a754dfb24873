package io.mosnet.ovs.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.ovs.io.FakeUnixServer;
import io.mosnet.ovs.openflow.FlowStats;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfCodec;
import io.mosnet.ovs.openflow.OfFrame;
import io.mosnet.ovs.openflow.OfMessage;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted controller meets a switch that still holds an earlier run's flows: it adopts them, changes nothing. */
class MacNatControllerAdoptionTest {

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
    void restartKeepsEveryWantedFlowAndRemovesOnlyStaleOnes() throws Exception {
        List<FlowMod> earlier = FlowSyncTest.plan(Set.of(FlowSyncTest.HOST4), List.of(FlowSyncTest.VM4));
        List<FlowStats> held = new ArrayList<>(FlowSyncTest.onSwitch(earlier));
        Match stale = Match.any().inPort(9);
        held.add(new FlowStats(0, 3, 0, 77, 0, 0, 0, FlowPlan.COOKIE, 0, 0, stale, List.of()));
        List<FlowMod> received = new ArrayList<>();
        FakeUnixServer.Script script = (InputStream raw, OutputStream out) -> {
            DataInputStream in = new DataInputStream(raw);
            assertTrue(read(in).message() instanceof OfMessage.Hello);
            out.write(OfCodec.encode(new OfMessage.Hello(6, 0), 1));
            OfFrame f;
            while (!((f = read(in)).message() instanceof OfMessage.BarrierRequest)) {
                if (f.message() instanceof OfMessage.FlowStatsRequest r) {
                    assertEquals(FlowPlan.COOKIE, r.cookie(), "asks for mosnet's flows only");
                    // Two parts, as a switch with many flows answers.
                    out.write(OfCodec.encode(new OfMessage.FlowStatsReply(true, held.subList(0, 3)), f.xid()));
                    out.write(OfCodec.encode(new OfMessage.FlowStatsReply(false, held.subList(3, held.size())),
                            f.xid()));
                }
                if (f.message() instanceof FlowMod m) {
                    received.add(m);
                }
            }
            out.write(OfCodec.encode(new OfMessage.BarrierReply(), f.xid()));
            while (raw.read() >= 0) {
                // until the controller closes
            }
        };
        // As attach starts it: the host addresses come later, with configureHost.
        try (FakeUnixServer server = new FakeUnixServer(dir, script);
             MacNatController c = new MacNatController(server.path(), new MacNatController.Config(Mode.STATIC,
                     FlowSyncTest.UPLINK, FlowSyncTest.NIC, Set.<InetAddress>of()), r -> {
                         Thread t = new Thread(r);
                         t.setDaemon(true);
                         return t;
                     }, Duration.ofSeconds(5))) {
            c.start();
            assertTrue(c.awaitInstalled(Duration.ofSeconds(5)), String.valueOf(c.lastError()));
            assertEquals(List.of(FlowMod.deleteStrict(FlowPlan.COOKIE, 77, stale)), received,
                    "only the flow no plan wants is removed; nothing is re-added");
            assertEquals(Set.of(FlowSyncTest.HOST4), c.config().hostAddresses());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> vms = (List<Map<String, Object>>) c.status().get("vms");
            assertEquals("10.0.0.50", vms.get(0).get("ip"));
        }
    }
}
