package io.mosnet.rdnss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import io.mosnet.lab.Lab;
import io.mosnet.lab.LabProcess;
import io.mosnet.lab.Namespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * radvd in one namespace advertises RDNSS and DNSSL to a veth peer in another, where tcpdump records what arrives;
 * the advertisements are then fed to {@link RdnssSource} the way the kernel passes them on (one RTM_NEWNDUSEROPT
 * per DNS option), at the times they arrived. This checks the plugin against a real router without the runtime's
 * netlink; the daemon-level test with resolv.conf belongs to the integration.
 */
class RdnssRadvdNamespaceTest {

    private static final int LIFETIME = 8;
    private static final Link MOS = new Link(7, "mos", "bridge", MacAddress.parse("52:54:00:12:34:56"), 1500,
            true, true, 0);

    private static List<Pcap.Advertisement> captured;

    @BeforeAll
    static void captureRadvd() throws Exception {
        try (Lab lab = Lab.create("mt")) {
            Namespace router = lab.namespace("router");
            Namespace host = lab.namespace("host");
            lab.veth(router, "vr", host, "vh");
            // radvd refuses to advertise from a namespace that does not forward.
            router.sh("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
            Files.writeString(lab.dir().resolve("radvd.conf"), """
                    interface vr {
                      AdvSendAdvert on;
                      MinRtrAdvInterval 3;
                      MaxRtrAdvInterval 4;
                      RDNSS 2001:db8:1::53 2001:db8:1::54 { AdvRDNSSLifetime %d; };
                      DNSSL lab.example example.org { AdvDNSSLLifetime %d; };
                    };
                    """.formatted(LIFETIME, LIFETIME));
            var pcap = lab.dir().resolve("ra.pcap");
            LabProcess tcpdump = lab.start(host, "tcpdump", "tcpdump", "-U", "-n", "-i", "vh", "-w",
                    pcap.toString(), "icmp6 and ip6[40] == 134");
            waitFor(() -> tcpdump.output().contains("listening on"), "tcpdump to listen", lab);
            LabProcess radvd = lab.start(router, "radvd", "radvd", "-n", "-u", "root", "-m", "stderr",
                    "-C", lab.dir().resolve("radvd.conf").toString(), "-p", lab.dir().resolve("radvd.pid").toString());
            waitFor(() -> Pcap.advertisements(Files.readAllBytes(pcap)).size() >= 2, "two advertisements", lab);
            // On SIGTERM radvd sends a last advertisement with every lifetime 0 (FlushRDNSS/FlushDNSSL).
            lab.stop(radvd);
            waitFor(() -> Pcap.advertisements(Files.readAllBytes(pcap)).stream().anyMatch(
                    a -> RaOptionParser.parse(a.options()).rdnss().stream().anyMatch(r -> r.lifetime() == 0)),
                    "radvd's farewell advertisement", lab);
            lab.stop(tcpdump);
            captured = Pcap.advertisements(Files.readAllBytes(pcap));
        }
    }

    @Test
    void learnsFromRadvdAndForgetsWhenItWithdraws() {
        Replay replay = new Replay(captured.getFirst().at());

        captured.forEach(replay::feed);

        List<LeaseState> changed = replay.changed();
        LeaseState full = changed.get(1);
        assertEquals(List.of("2001:db8:1::53", "2001:db8:1::54"), full.dns());
        assertEquals(List.of("lab.example", "example.org"), full.domains());
        assertEquals(captured.getFirst().at().plusSeconds(LIFETIME), full.expiresAt());
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(replay.listener).leaseLost(any(), reason.capture());
        assertTrue(reason.getValue().startsWith("withdrawn by fe80::"), reason.getValue());
        assertTrue(replay.session.current().isEmpty());
    }

    @Test
    void forgetsAfterTheLifetimeWhenRadvdFallsSilent() {
        // The same advertisements without the farewell: a router that vanished without a word.
        List<Pcap.Advertisement> live = captured.stream()
                .filter(a -> RaOptionParser.parse(a.options()).rdnss().stream().allMatch(r -> r.lifetime() > 0))
                .toList();
        Instant last = live.getLast().at();
        Replay replay = new Replay(live.getFirst().at());
        live.forEach(replay::feed);

        replay.runTicksUntil(last.plusSeconds(LIFETIME).minusMillis(1));
        assertTrue(replay.session.current().isPresent());
        replay.runTicksUntil(last.plusSeconds(LIFETIME));

        InOrder order = inOrder(replay.listener);
        order.verify(replay.listener, org.mockito.Mockito.atLeastOnce()).leaseChanged(any());
        order.verify(replay.listener).leaseLost(any(), eq("lifetimes expired without a refresh from the routers"));
        assertTrue(replay.session.current().isEmpty());
    }

    /** RdnssSource on a mocked host network, a clock set to each capture time and a hand-run scheduler. */
    private static final class Replay {
        final MutableClock clock;
        final AddressListener listener = mock(AddressListener.class);
        final List<Runnable> ticks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();
        final io.mosnet.api.address.AddressSession session;
        final Consumer<NetworkEvent> events;

        @SuppressWarnings("unchecked")
        Replay(Instant start) {
            clock = new MutableClock(start);
            HostNetwork net = mock(HostNetwork.class);
            ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
            when(net.requireLink("mos")).thenReturn(MOS);
            when(net.subscribe(any(), any())).thenReturn(mock(AutoCloseable.class));
            when(scheduler.schedule(any(Runnable.class), anyLong(), eq(TimeUnit.MILLISECONDS))).thenAnswer(inv -> {
                ticks.add(inv.getArgument(0));
                delays.add(inv.getArgument(1));
                return mock(ScheduledFuture.class);
            });
            PluginContext context = new PluginContext() {
                public MosnetConfig config() {
                    return MosnetConfig.defaults();
                }

                public HostNetwork network() {
                    return net;
                }

                public Clock clock() {
                    return clock;
                }

                public ScheduledExecutorService scheduler() {
                    return scheduler;
                }
            };
            session = new RdnssSource().start(new AddressRequest("mos", null, null), listener, context);
            ArgumentCaptor<Consumer<NetworkEvent>> captor = ArgumentCaptor.forClass(Consumer.class);
            verify(net).subscribe(any(), captor.capture());
            events = captor.getValue();
        }

        /** As the kernel does (net/ipv6/ndisc.c, ndisc_ra_useropt): one message per RDNSS or DNSSL option. */
        void feed(Pcap.Advertisement ra) {
            runTicksUntil(ra.at());
            clock.advance(Duration.between(clock.instant(), ra.at()));
            byte[] o = ra.options();
            for (int p = 0; p + 2 <= o.length && o[p + 1] != 0; p += (o[p + 1] & 0xff) * 8) {
                int type = o[p] & 0xff;
                if (type == RdnssOption.TYPE || type == DnsslOption.TYPE) {
                    byte[] one = Arrays.copyOfRange(o, p, p + (o[p + 1] & 0xff) * 8);
                    events.accept(new NetworkEvent.NdUserOption(MOS.index(), 134, ra.source(), one));
                }
            }
        }

        void runTicksUntil(Instant until) {
            while (!ticks.isEmpty()) {
                Instant due = clock.instant().plusMillis(delays.getLast());
                if (due.isAfter(until)) {
                    return;
                }
                Runnable tick = ticks.getLast();
                ticks.clear();
                delays.clear();
                clock.advance(Duration.between(clock.instant(), due));
                tick.run();
            }
        }

        List<LeaseState> changed() {
            ArgumentCaptor<LeaseState> captor = ArgumentCaptor.forClass(LeaseState.class);
            verify(listener, org.mockito.Mockito.atLeastOnce()).leaseChanged(captor.capture());
            assertFalse(captor.getAllValues().isEmpty());
            return captor.getAllValues();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** What the lab's process {@code name} printed (the lab keeps it in {@code name.log}). */
    private static String log(Lab lab, String name) throws java.io.IOException {
        Path file = lab.dir().resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static void waitFor(Condition condition, String what, Lab lab) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; tcpdump: " + log(lab, "tcpdump")
                        + " radvd: " + log(lab, "radvd"));
            }
            Thread.sleep(100);
        }
    }
}
