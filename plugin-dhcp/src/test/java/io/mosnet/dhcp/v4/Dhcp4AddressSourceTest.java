package io.mosnet.dhcp.v4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.address.AddressProbe;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.AddressSource;
import io.mosnet.api.address.ProbeReport;
import io.mosnet.api.address.ProbeRequest;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.time.ManualClock;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Dhcp4AddressSourceTest {

    final Link eth0 = new Link(2, "eth0", "", MacAddress.parse("52:54:00:00:00:10"), 1500, true, true, 0);
    final Link eth1 = new Link(3, "eth1", "", MacAddress.parse("52:54:00:00:00:11"), 1500, true, true, 0);
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final HostNetwork network = mock(HostNetwork.class);
    final PluginContext context = mock(PluginContext.class);
    final Map<String, MemoryTransport> transports = new HashMap<>();
    final List<Consumer<NetworkEvent>> subscribers = new ArrayList<>();
    final Dhcp4ClientTest.Recorder listener = new Dhcp4ClientTest.Recorder();
    final Dhcp4AddressSource source = new Dhcp4AddressSource(DuidSource.linkLayer(), (net, link, mac) -> {
        MemoryTransport t = new MemoryTransport();
        transports.put(link, t);
        return t;
    }, new Random(5));

    @SuppressWarnings("unchecked")
    Dhcp4AddressSourceTest() {
        when(context.config()).thenReturn(MosnetConfig.defaults());
        when(context.network()).thenReturn(network);
        when(context.clock()).thenReturn(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        when(context.scheduler()).thenReturn(scheduler);
        when(network.subscribe(any(), any())).thenAnswer(inv -> {
            subscribers.add(inv.getArgument(1, Consumer.class));
            return (AutoCloseable) () -> { };
        });
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void isFoundByServiceLoaderAsDhcpv4() {
        List<AddressSource> found = ServiceLoader.load(AddressSource.class).stream()
                .map(ServiceLoader.Provider::get).filter(s -> s.id().equals("dhcpv4")).toList();
        assertEquals(1, found.size());
        assertInstanceOf(AddressProbe.class, found.getFirst());
    }

    /** Plays a dnsmasq-like server: offers {@code address} to a DISCOVER, acknowledges every REQUEST. */
    static java.util.function.Function<io.mosnet.dhcp.v4.message.DhcpMessage, byte[]> server(String address) {
        return m -> switch (m.type()) {
            case DISCOVER -> Replies.to(m, MessageType.OFFER, address).bytes();
            case REQUEST -> Replies.to(m, MessageType.ACK, address).bytes();
            default -> null;
        };
    }

    @Test
    void bindsOnTheHostInterfaceWithTheUplinksIdentity() {
        AddressSession session = source.start(new AddressRequest("mos", eth0, null), listener, context);
        MemoryTransport t = transports.get("mos");
        assertEquals(MessageType.DISCOVER, t.last().message().type());
        assertEquals(eth0.mac(), t.last().message().chaddr());
        t.deliver(Replies.to(t.last().message(), MessageType.OFFER, "10.0.0.5").bytes());
        t.deliver(Replies.to(t.last().message(), MessageType.ACK, "10.0.0.5").bytes());
        LeaseState lease = session.current().orElseThrow();
        assertEquals("BOUND", lease.state());
        assertEquals("eth0", lease.nic());
        assertEquals("ff" + "00000010" + "00030001525400000010", lease.clientId());
        assertEquals(List.of("changed BOUND 10.0.0.5/24"), listener.events);
        session.close();
        assertTrue(t.closed);
    }

    @Test
    void anInvalidHostnameFailsTheStartAndClosesTheTransport() {
        MosnetConfig d = MosnetConfig.defaults();
        io.mosnet.api.config.DhcpSettings s = d.dhcp();
        when(context.config()).thenReturn(new MosnetConfig(d.ipv4(), d.ipv6(),
                new io.mosnet.api.config.DhcpSettings(s.timeout(), true, true, false, "bad;name", false, false, false),
                d.firewall(), d.nat(), d.bridge(), d.bridgeName(), d.topology(), d.nics(), d.plugins()));
        io.mosnet.api.plugin.MosnetException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.mosnet.api.plugin.MosnetException.class,
                () -> source.start(new AddressRequest("mos", eth0, null), listener, context));
        assertTrue(e.getMessage().contains("host name"), e.getMessage());
        assertTrue(transports.get("mos").closed);
    }

    @Test
    void confirmsTheLeaseWhenTheUplinkRegainsCarrier() {
        AddressSession session = source.start(new AddressRequest("mos", eth0, null), listener, context);
        MemoryTransport t = transports.get("mos");
        t.deliver(Replies.to(t.last().message(), MessageType.OFFER, "10.0.0.5").bytes());
        t.deliver(Replies.to(t.last().message(), MessageType.ACK, "10.0.0.5").bytes());
        int sent = t.sent.size();
        Link down = new Link(2, "eth0", "", eth0.mac(), 1500, true, false, 0);
        subscribers.forEach(s -> s.accept(new NetworkEvent.LinkChanged(down, false)));
        assertEquals(sent, t.sent.size(), "losing carrier sends nothing and keeps the lease");
        subscribers.forEach(s -> s.accept(new NetworkEvent.LinkChanged(eth0, false)));
        assertEquals(sent + 1, t.sent.size());
        assertEquals(MessageType.REQUEST, t.last().message().type());
        assertTrue(t.last().message().options().has(OptionCode.REQUESTED_ADDRESS));
        assertEquals("REBOOTING", session.current().orElseThrow().state());
        session.close();
    }

    /** A source whose transports answer as servers: 198.51.100.9 (public) on eth0, 192.168.7.20 on eth1. */
    private Dhcp4AddressSource probingSource() {
        return new Dhcp4AddressSource(DuidSource.linkLayer(), (net, link, mac) -> {
            MemoryTransport t = new MemoryTransport();
            t.responder = link.equals("eth0") ? server("198.51.100.9") : server("192.168.7.20");
            transports.put(link, t);
            return t;
        }, new Random(5));
    }

    @Test
    void probesEveryCandidateAndCarriesTheChosenExchangeOnToTheClient() {
        Dhcp4AddressSource probing = probingSource();
        ProbeReport report = probing.probe(new ProbeRequest(List.of(eth0, eth1)), context);
        assertEquals("eth1", report.chosenNic());
        assertTrue(transports.get("eth0").closed, "the other NIC's transport is closed");
        MemoryTransport eth1Transport = transports.get("eth1");
        assertFalse(eth1Transport.closed, "the chosen NIC's transport carries on");
        assertEquals(MessageType.REQUEST, eth1Transport.last().message().type(),
                "the offer is requested before start, while the runtime builds the bridge");

        AddressSession session = probing.start(new AddressRequest("mos", eth1, report.offer()), listener, context);
        assertFalse(transports.containsKey("mos"), "no second packet socket");
        assertEquals(List.of("changed BOUND 192.168.7.20/24"), listener.events, "the ACK held for the runtime");
        assertEquals("192.168.7.20/24", session.current().orElseThrow().address());
        assertEquals(2, eth1Transport.sent.size(), "DISCOVER and REQUEST only");
        session.close();
        assertTrue(eth1Transport.closed);
    }

    @Test
    void aListenerThatFailsOnTheHeldAckIsLoggedAndTheSessionStillRuns() {
        Dhcp4AddressSource probing = probingSource();
        ProbeReport report = probing.probe(new ProbeRequest(List.of(eth0, eth1)), context);
        List<String> heard = new ArrayList<>();
        io.mosnet.api.address.AddressListener failing = new io.mosnet.api.address.AddressListener() {
            @Override
            public void leaseChanged(LeaseState lease) {
                heard.add(lease.state());
                throw new io.mosnet.api.net.NetworkException("RTM_NEWROUTE: Network is unreachable", 101);
            }

            @Override
            public void leaseLost(LeaseState lease, String reason) {
            }
        };

        AddressSession session = probing.start(new AddressRequest("mos", eth1, report.offer()), failing, context);

        assertEquals(List.of("BOUND"), heard);
        assertEquals("BOUND", session.current().orElseThrow().state(), "the client runs on");
        session.close();
        assertTrue(transports.get("eth1").closed, "and its socket goes with the session");
    }

    @Test
    void aStartForSomethingElseDropsTheCarriedExchange() {
        Dhcp4AddressSource probing = probingSource();
        ProbeReport report = probing.probe(new ProbeRequest(List.of(eth0, eth1)), context);
        MemoryTransport carried = transports.get("eth1");

        // A stored lease instead of the probe's offer (the runtime's retry after a failed attach, say).
        AddressSession session = probing.start(new AddressRequest("mos", eth1, null), listener, context);
        assertTrue(carried.closed, "the carried exchange is stopped");
        assertEquals(MessageType.DISCOVER, transports.get("mos").sent.getFirst().message().type(),
                "a fresh client on mos");
        session.close();

        probing.probe(new ProbeRequest(List.of(eth0, eth1)), context);
        MemoryTransport second = transports.get("eth1");
        probing.probe(new ProbeRequest(List.of(eth0, eth1)), context);
        assertTrue(second.closed, "a new probe drops the exchange the last one carried on");
        assertEquals("eth1", report.chosenNic());
    }
}
