package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.MessageType;
import io.mosnet.dhcp.v6.wire.OptionCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class Dhcp6AddressSourceTest {

    private static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Link UPLINK = new Link(2, "eth0", "", MAC, 1500, true, true, 3);

    private final MemoryTransport transport = new MemoryTransport();

    private PluginContext context(DhcpSettings dhcp, ScheduledExecutorService scheduler) {
        MosnetConfig config = mock(MosnetConfig.class);
        when(config.dhcp()).thenReturn(dhcp);
        PluginContext c = mock(PluginContext.class);
        when(c.config()).thenReturn(config);
        when(c.network()).thenReturn(mock(HostNetwork.class));
        when(c.clock()).thenReturn(Clock.systemUTC());
        when(c.scheduler()).thenReturn(scheduler);
        return c;
    }

    private static final AddressListener QUIET = new AddressListener() {
        @Override
        public void leaseChanged(LeaseState lease) {
        }

        @Override
        public void leaseLost(LeaseState lease, String reason) {
        }
    };

    @Test
    void identifiesAsDhcpv6() {
        Dhcp6AddressSource s = new Dhcp6AddressSource();
        assertEquals("dhcpv6", s.id());
        assertTrue(s.description().contains("RFC 8415"));
    }

    @Test
    void startsAClientOnTheHostInterfaceThatSolicitsWithPrefixDelegation() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        DhcpSettings dhcp = new DhcpSettings(Duration.ofSeconds(10), true, true, false, null, true, true, true);
        Dhcp6AddressSource source = new Dhcp6AddressSource(DuidSource.linkLayer(), iface -> {
            assertEquals("mos", iface);
            return transport;
        }, new Random(3));
        try (AddressSession session = source.start(new AddressRequest("mos", UPLINK, null), QUIET,
                context(dhcp, scheduler))) {
            Dhcp6Session s = assertInstanceOf(Dhcp6Session.class, session);
            assertEquals(Duid.linkLayer(MAC).hex(), s.clientId());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (transport.count() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Dhcp6Message solicit = transport.last().message();
            assertEquals(MessageType.SOLICIT, solicit.type());
            assertTrue(solicit.options().has(OptionCode.IA_PD));
        } finally {
            scheduler.shutdownNow();
        }
        assertTrue(transport.closed, "closing the session closes the socket");
    }

    @Test
    void refusesToStartWhenDhcpv6IsOff() {
        DhcpSettings off = new DhcpSettings(Duration.ofSeconds(10), true, true, false, null, false, false, false);
        Dhcp6AddressSource source = new Dhcp6AddressSource(DuidSource.linkLayer(), iface -> transport,
                new Random(3));

        MosnetException e = assertThrows(MosnetException.class, () -> source.start(
                new AddressRequest("mos", UPLINK, null), QUIET, context(off, null)));
        assertTrue(e.getMessage().contains("switched off"), e.getMessage());
    }

    @Test
    void aStoredDhcpv6AddressBecomesASolicitHint() {
        LeaseState stored = new LeaseState("dhcpv6", "BOUND", "eth0", "2001:db8:1::100/128", null, null, null, null,
                null, 0, null, null, null, null, null);
        LeaseState v4 = new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", null, null, null, null, null, 0,
                null, null, null, null, null);

        assertEquals(List.of(IpAddresses.parseIpv6("2001:db8:1::100")),
                Dhcp6AddressSource.hints(stored));
        assertTrue(Dhcp6AddressSource.hints(v4).isEmpty());
        assertTrue(Dhcp6AddressSource.hints(null).isEmpty());
    }
}
