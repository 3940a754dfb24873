package io.mosnet.rdnss;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.AddressSource;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class RdnssSourceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final int MOS_INDEX = 7;
    private static final Link MOS = new Link(MOS_INDEX, "mos", "bridge", MacAddress.parse("52:54:00:12:34:56"),
            1500, true, true, 0);
    private static final InetAddress ROUTER = IpAddresses.parse("fe80::1452:2ff:fe70:5958");

    private final MutableClock clock = new MutableClock(T0);
    private final HostNetwork net = mock(HostNetwork.class);
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final AddressListener listener = mock(AddressListener.class);
    private final AutoCloseable subscription = mock(AutoCloseable.class);
    private final List<Scheduled> scheduled = new ArrayList<>();

    private Consumer<NetworkEvent> events;
    private AddressSession session;

    /** One call to {@code schedule}: the task, its delay and the future handed back. */
    private record Scheduled(Runnable task, long delayMillis, ScheduledFuture<?> future) {
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        when(net.requireLink("mos")).thenReturn(MOS);
        when(net.subscribe(any(), any())).thenReturn(subscription);
        when(scheduler.schedule(any(Runnable.class), anyLong(), eq(TimeUnit.MILLISECONDS))).thenAnswer(inv -> {
            ScheduledFuture<?> f = mock(ScheduledFuture.class);
            scheduled.add(new Scheduled(inv.getArgument(0), inv.getArgument(1), f));
            return f;
        });

        session = new RdnssSource().start(new AddressRequest("mos", null, null), listener, context());

        ArgumentCaptor<Consumer<NetworkEvent>> captor = ArgumentCaptor.forClass(Consumer.class);
        verify(net).subscribe(eq(EnumSet.of(NetworkEvent.Group.ND_USER_OPTION)), captor.capture());
        events = captor.getValue();
    }

    @Test
    void reportsWhatRadvdAnnounces() {
        events.accept(ra(RaBytes.radvdOptions()));

        LeaseState lease = changed(1).getFirst();
        assertEquals("ra", lease.protocol());
        assertEquals("LEARNED", lease.state());
        assertEquals("mos", lease.nic());
        assertEquals(List.of("2001:db8:1::53", "2001:db8:1::54"), lease.dns());
        assertEquals(List.of("example.com", "lab.example.org"), lease.domains());
        assertEquals(T0, lease.obtainedAt());
        assertEquals(T0.plusSeconds(600), lease.expiresAt());
        assertNull(lease.address());
        assertEquals(lease, session.current().orElseThrow());
    }

    @Test
    void followsTheKernelsOneOptionPerMessage() {
        byte[] all = RaBytes.radvdOptions();
        events.accept(ra(java.util.Arrays.copyOfRange(all, 32, 72)));
        events.accept(ra(java.util.Arrays.copyOfRange(all, 72, 112)));

        List<LeaseState> leases = changed(2);
        assertEquals(List.of(), leases.get(0).domains());
        assertEquals(List.of("2001:db8:1::53", "2001:db8:1::54"), leases.get(1).dns());
        assertEquals(List.of("example.com", "lab.example.org"), leases.get(1).domains());
    }

    @Test
    void ignoresOtherInterfacesAndMessages() {
        byte[] options = RaBytes.radvdOptions();
        events.accept(new NetworkEvent.NdUserOption(MOS_INDEX + 1, 134, ROUTER, options));
        events.accept(new NetworkEvent.NdUserOption(MOS_INDEX, 137, ROUTER, options));
        events.accept(new NetworkEvent.LinkChanged(MOS, false));

        verifyNoInteractions(listener);
        assertTrue(session.current().isEmpty());
    }

    @Test
    void refreshWithTheSameContentIsNotReported() {
        events.accept(ra(RaBytes.radvdOptions()));
        clock.advanceSeconds(4);
        events.accept(ra(RaBytes.radvdOptions()));

        changed(1);
        assertEquals(T0.plusSeconds(604), session.current().orElseThrow().expiresAt());
    }

    @Test
    void reportsWithdrawalThenLoss() {
        events.accept(ra(RaBytes.options().rdnss(600, "2001:db8::1", "2001:db8::2").bytes()));
        events.accept(ra(RaBytes.options().rdnss(0, "2001:db8::1").bytes()));

        List<LeaseState> leases = changed(2);
        assertEquals(List.of("2001:db8::2"), leases.get(1).dns());

        events.accept(ra(RaBytes.options().rdnss(0, "2001:db8::2").bytes()));

        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(listener).leaseLost(eq(leases.get(1)), reason.capture());
        assertEquals("withdrawn by fe80::1452:2ff:fe70:5958 (lifetime 0)", reason.getValue());
        assertTrue(session.current().isEmpty());
    }

    @Test
    void reportsExpiryOnTheTick() {
        events.accept(ra(RaBytes.options().rdnss(600, "2001:db8::1").dnssl(90, "example.com").bytes()));
        assertEquals(60_000, lastScheduled().delayMillis(), "ticks at least every minute");

        runTicksUntil(T0.plusSeconds(90));
        List<LeaseState> leases = changed(2);
        assertEquals(List.of(), leases.get(1).domains());
        assertEquals(List.of("2001:db8::1"), leases.get(1).dns());
        verify(listener, never()).leaseLost(any(), anyString());

        runTicksUntil(T0.plusSeconds(600));
        verify(listener).leaseLost(eq(leases.get(1)), eq(RdnssSession.EXPIRED));
    }

    @Test
    void reportsLapseNoticedOnAnAdvertisementAsExpiry() {
        events.accept(ra(RaBytes.options().rdnss(10, "2001:db8::1").bytes()));
        clock.advanceSeconds(20);

        events.accept(new NetworkEvent.NdUserOption(MOS_INDEX, 134, IpAddresses.parse("fe80::b"),
                RaBytes.options().rdnss(600, "2001:db8::2").bytes()));

        InOrder order = inOrder(listener);
        order.verify(listener).leaseChanged(any());
        order.verify(listener).leaseLost(any(), eq(RdnssSession.EXPIRED));
        order.verify(listener).leaseChanged(argThat(l -> l.dns().equals(List.of("2001:db8::2"))
                && l.obtainedAt().equals(T0.plusSeconds(20))));
    }

    @Test
    void schedulesTheTickForTheNextExpiry() {
        events.accept(ra(RaBytes.options().rdnss(30, "2001:db8::1").bytes()));

        assertEquals(30_000, lastScheduled().delayMillis());
    }

    @Test
    void schedulesNoTickForInfiniteLifetimes() {
        events.accept(ra(RaBytes.options().rdnss(Lifetime.INFINITE, "2001:db8::1").bytes()));

        assertTrue(scheduled.isEmpty());
        assertNull(changed(1).getFirst().expiresAt());
    }

    @Test
    void reportsTheRefreshedExpiryOnceTheReportedOneHasPassed() {
        events.accept(ra(RaBytes.options().rdnss(120, "2001:db8::1").bytes()));
        clock.advanceSeconds(60);
        events.accept(ra(RaBytes.options().rdnss(120, "2001:db8::1").bytes()));

        runTicksUntil(T0.plusSeconds(120));

        List<LeaseState> leases = changed(2);
        assertEquals(T0.plusSeconds(120), leases.get(0).expiresAt());
        assertEquals(T0.plusSeconds(180), leases.get(1).expiresAt());
        assertEquals(leases.get(0).dns(), leases.get(1).dns());
        assertEquals(T0, leases.get(1).obtainedAt());
    }

    @Test
    void dropsMalformedMessageAndKeepsListening() {
        byte[] zeroLength = RaBytes.options().rdnss(600, "2001:db8::9").raw(0x1f, 0, 0, 0, 0, 0, 0, 0).bytes();

        assertDoesNotThrow(() -> events.accept(ra(zeroLength)));
        assertDoesNotThrow(() -> events.accept(ra(new byte[] {0x19, 5, 0, 0})));
        assertDoesNotThrow(() -> events.accept(new NetworkEvent.NdUserOption(MOS_INDEX, 134, ROUTER, null)));
        verifyNoInteractions(listener);

        events.accept(ra(RaBytes.options().rdnss(600, "2001:db8::1").bytes()));
        assertEquals(List.of("2001:db8::1"), changed(1).getFirst().dns());
    }

    @Test
    void listenerFailureStaysOffTheEventThread() {
        doThrow(new IllegalStateException("state file is read-only")).when(listener).leaseChanged(any());

        assertDoesNotThrow(() -> events.accept(ra(RaBytes.radvdOptions())));
        assertEquals(60_000, lastScheduled().delayMillis(), "expiry is still scheduled");
    }

    @Test
    void givesLinkLocalServersTheInterfaceAsZone() {
        events.accept(ra(RaBytes.options().rdnss(600, "fe80::53").bytes()));

        assertEquals(List.of("fe80::53%mos"), changed(1).getFirst().dns());
    }

    @Test
    void closeLeavesTheGroupAndStopsTheTimer() throws Exception {
        events.accept(ra(RaBytes.radvdOptions()));
        Scheduled tick = lastScheduled();

        session.close();

        verify(subscription).close();
        verify(tick.future()).cancel(false);
        events.accept(ra(RaBytes.options().rdnss(600, "2001:db8::1").bytes()));
        clock.advanceSeconds(600);
        tick.task().run();
        changed(1);
        verify(listener, never()).leaseLost(any(), anyString());
        session.close();
        verify(subscription, times(1)).close();
    }

    @Test
    void isFoundAsAnAddressSourceNamedRdnss() {
        List<AddressSource> sources = ServiceLoader.load(AddressSource.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertTrue(sources.stream().anyMatch(s -> s instanceof RdnssSource && s.id().equals("rdnss")),
                sources.toString());
        assertFalse(new RdnssSource().description().isEmpty());
    }

    private NetworkEvent.NdUserOption ra(byte[] options) {
        return new NetworkEvent.NdUserOption(MOS_INDEX, 134, ROUTER, options);
    }

    private List<LeaseState> changed(int times) {
        ArgumentCaptor<LeaseState> captor = ArgumentCaptor.forClass(LeaseState.class);
        verify(listener, times(times)).leaseChanged(captor.capture());
        return captor.getAllValues();
    }

    private Scheduled lastScheduled() {
        assertFalse(scheduled.isEmpty(), "no tick was scheduled");
        return scheduled.getLast();
    }

    /** Plays the scheduler: each pending tick runs when the clock reaches it, up to {@code until}. */
    private void runTicksUntil(Instant until) {
        while (!scheduled.isEmpty()) {
            Scheduled next = scheduled.getLast();
            Instant due = clock.instant().plusMillis(next.delayMillis());
            if (due.isAfter(until)) {
                return;
            }
            scheduled.clear();
            clock.advance(Duration.between(clock.instant(), due));
            next.task().run();
        }
    }

    private PluginContext context() {
        return new PluginContext() {
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
    }
}
