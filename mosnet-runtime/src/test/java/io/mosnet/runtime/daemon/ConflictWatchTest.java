package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.address.AddressSession;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import io.mosnet.api.state.LeaseState;
import io.mosnet.runtime.probe.AddressConflictProbe;
import io.mosnet.runtime.probe.ArpPacket;
import io.mosnet.runtime.state.StateStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bound address that another host answers for is declined, three times in a row at most. */
class ConflictWatchTest {

    private static final Link MOS = new Link(5, "mos", "bridge", MacAddress.parse("02:00:00:00:00:0a"), 1500, true,
            true, 0);
    private static final MacAddress SQUATTER = MacAddress.parse("02:00:00:00:00:99");

    private final HostNetwork network = mock(HostNetwork.class);
    private final List<String> declined = new ArrayList<>();
    private boolean squatted = true;

    private ConflictWatch watch(Path dir, DaemonStatus status) {
        when(network.requireLink("mos")).thenReturn(MOS);
        when(network.openPacketChannel(eq("mos"), eq(PacketFilter.ARP_REPLY))).thenAnswer(i -> channel());
        ConflictWatch w = new ConflictWatch(network,
                new AddressConflictProbe(network, 2, Duration.ofMillis(5), Duration.ofMillis(10)), "mos", status);
        w.session(recordingSession());
        return w;
    }

    @Test
    void declinesAnAddressInUseAndKeepsTheFourthInARow(@TempDir Path dir) throws InterruptedException {
        DaemonStatus status = new DaemonStatus(new StateStore(dir.resolve("s.json")), Clock.systemUTC(), "dhcp",
                "mos", List.of());
        ConflictWatch w = watch(dir, status);
        for (int i = 1; i <= ConflictWatch.MAX_DECLINES; i++) {
            w.check(lease("10.0.0." + i), IpAddresses.parseIpv4("10.0.0." + i));
        }
        assertEquals(List.of("10.0.0.1/24 in use by 02:00:00:00:00:99", "10.0.0.2/24 in use by 02:00:00:00:00:99",
                "10.0.0.3/24 in use by 02:00:00:00:00:99"), declined);
        assertTrue(status.snapshot().problems().isEmpty(), status.snapshot().problems().toString());

        w.check(lease("10.0.0.4"), IpAddresses.parseIpv4("10.0.0.4"));
        assertEquals(3, declined.size(), "the fourth is kept");
        assertEquals(List.of("address conflict: mos 10.0.0.4 is in use by 02:00:00:00:00:99; kept after 3 declines "
                + "in a row"), status.snapshot().problems());

        squatted = false;
        w.check(lease("10.0.0.5"), IpAddresses.parseIpv4("10.0.0.5"));
        assertEquals(List.of(), status.snapshot().problems(), "an address that passed clears the conflict");
        squatted = true;
        w.check(lease("10.0.0.6"), IpAddresses.parseIpv4("10.0.0.6"));
        assertEquals(4, declined.size(), "and the count starts again");
        status.flush(); // the state is written behind: done before the temporary directory goes
    }

    @Test
    void aConflictFoundBeforeTheSessionIsKnownIsDeclinedOnceItIs(@TempDir Path dir) throws Exception {
        DaemonStatus status = new DaemonStatus(new StateStore(dir.resolve("s.json")), Clock.systemUTC(), "dhcp",
                "mos", List.of());
        when(network.requireLink("mos")).thenReturn(MOS);
        when(network.openPacketChannel(eq("mos"), eq(PacketFilter.ARP_REPLY))).thenAnswer(i -> channel());
        ConflictWatch w = new ConflictWatch(network,
                new AddressConflictProbe(network, 2, Duration.ofMillis(5), Duration.ofMillis(10)), "mos", status);
        Thread checking = Thread.ofPlatform().start(
                () -> w.check(lease("10.0.0.1"), IpAddresses.parseIpv4("10.0.0.1")));
        Thread.sleep(100); // the probe is long answered: the check waits for the session
        assertTrue(declined.isEmpty());
        w.session(recordingSession());
        checking.join(5000);
        assertEquals(List.of("10.0.0.1/24 in use by 02:00:00:00:00:99"), declined);
        status.flush();
    }

    private AddressSession recordingSession() {
        return new AddressSession() {
            @Override
            public Optional<LeaseState> current() {
                return Optional.empty();
            }

            @Override
            public void decline(LeaseState lease, String why) {
                declined.add(lease.address() + " " + why);
            }

            @Override
            public void close() {
            }
        };
    }

    private PacketChannel channel() {
        boolean answer = squatted;
        return new io.mosnet.runtime.probe.FakeChannel(MOS, frame -> {
            if (!answer) {
                return null;
            }
            ArpPacket probe = ArpPacket.parseFrame(frame);
            return new ArpPacket(ArpPacket.REPLY, SQUATTER, probe.targetIp(), MOS.mac(), probe.senderIp()).toFrame();
        });
    }

    private static LeaseState lease(String address) {
        Instant now = Instant.now();
        return new LeaseState("dhcpv4", "BOUND", "eth0", address + "/24", "10.0.0.254", "10.0.0.254", List.of(),
                List.of(), List.of(), 0, now, now.plusSeconds(60), now.plusSeconds(105), now.plusSeconds(120), null);
    }
}
