package io.mosnet.dhcp.v4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.ProbeOutcome;
import io.mosnet.api.address.ProbeReport;
import io.mosnet.api.address.ProbeRequest;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.time.ManualClock;
import io.mosnet.dhcp.time.ManualTimers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe and the client against real dnsmasq servers in namespaces made for this run (a private-range server,
 * a public-range one and a silent peer, each across a veth pair from the client namespace), through the real
 * {@link PacketTransport} (frames built and checked by mosnet) over a test-only AF_PACKET channel. Needs root,
 * {@code ip} and {@code dnsmasq}; fails loudly without them. Nothing touches the root namespace.
 */
class Dhcp4NamespaceTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String CLIENT_NS = "md4c-" + RUN;
    /** Private-range server (10.77.0.0/24), public-range server (198.51.100.0/24, TEST-NET-2), a silent peer. */
    static final String SERVER_NS = "md4s-" + RUN;
    static final String PUBLIC_NS = "md4p-" + RUN;
    static final String SILENT_NS = "md4q-" + RUN;
    static final String NIC = "vc" + RUN;
    static final String PUBLIC_NIC = "vp" + RUN;
    static final String SILENT_NIC = "vq" + RUN;
    static Path dir;
    static final List<Process> servers = new ArrayList<>();
    static final java.util.Map<String, MacAddress> macs = new java.util.HashMap<>();
    static MacAddress mac;
    static final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void lab() throws Exception {
        dir = Files.createTempDirectory("mosnet-dhcp4-");
        run("ip", "netns", "add", CLIENT_NS);
        peer(SERVER_NS, NIC, "10.77.0.1/24");
        peer(PUBLIC_NS, PUBLIC_NIC, "198.51.100.1/24");
        peer(SILENT_NS, SILENT_NIC, "192.0.2.1/24");
        mac = macs.get(NIC);
        dnsmasq(SERVER_NS, "private", "10.77.0.50,10.77.0.60,255.255.255.0,2m", "10.77.0.1",
                "--dhcp-option=option:domain-search,lab.example,example.org",
                "--dhcp-option=option:classless-static-route,10.99.0.0/16,10.77.0.9,0.0.0.0/0,10.77.0.1",
                "--dhcp-option=option:mtu,1400");
        dnsmasq(PUBLIC_NS, "public", "198.51.100.50,198.51.100.60,255.255.255.0,2m", "198.51.100.1");
    }

    /** A namespace joined to the client's by a veth pair: {@code nic} on the client side, {@code address} there. */
    static void peer(String ns, String nic, String address) throws Exception {
        String far = "s" + nic;
        run("ip", "netns", "add", ns);
        run("ip", "-n", CLIENT_NS, "link", "add", nic, "type", "veth", "peer", "name", far, "netns", ns);
        run("ip", "-n", ns, "addr", "add", address, "dev", far);
        run("ip", "-n", ns, "link", "set", far, "up");
        run("ip", "-n", CLIENT_NS, "link", "set", nic, "up");
        String show = run("ip", "-n", CLIENT_NS, "link", "show", nic);
        macs.put(nic, MacAddress.parse(show.replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1")));
    }

    static void dnsmasq(String ns, String name, String range, String server, String... extra) throws Exception {
        String iface = "s" + (ns.equals(SERVER_NS) ? NIC : PUBLIC_NIC);
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "dnsmasq", "--no-daemon",
                "--conf-file=/dev/null", "--port=0", "--interface=" + iface, "--bind-interfaces",
                "--dhcp-authoritative", "--dhcp-range=" + range, "--dhcp-option=option:router," + server,
                "--dhcp-option=option:dns-server," + server, "--dhcp-leasefile=" + dir.resolve(name + ".leases"),
                "--log-dhcp", "--log-facility=" + dir.resolve(name + ".log")));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        servers.add(p);
        Thread.sleep(300);
        assertTrue(p.isAlive(), "dnsmasq did not start: " + Files.readString(dir.resolve(name + ".out")));
    }

    @AfterAll
    static void teardown() throws Exception {
        scheduler.shutdownNow();
        for (Process p : servers) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (String ns : List.of(CLIENT_NS, SERVER_NS, PUBLIC_NS, SILENT_NS)) {
            runQuietly("ip", "netns", "del", ns);
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static void runQuietly(String... cmd) {
        try {
            run(cmd);
        } catch (Exception e) {
            System.err.println("cleanup: " + e.getMessage());
        }
    }

    /** A listener that queues what it hears. */
    static final class Queue implements AddressListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<LeaseState> leases = new ArrayList<>();

        @Override
        public synchronized void leaseChanged(LeaseState lease) {
            leases.add(lease);
            events.add(lease.state() + " " + lease.address());
        }

        @Override
        public void leaseLost(LeaseState lease, String reason) {
            events.add("lost " + lease.address() + ": " + reason);
        }

        String next() throws InterruptedException {
            String e = events.poll(15, TimeUnit.SECONDS);
            return e == null ? "nothing within 15 s" : e;
        }
    }

    PluginContext context() {
        return context(DhcpSettings.defaults());
    }

    PluginContext context(DhcpSettings dhcp) {
        HostNetwork network = mock(HostNetwork.class);
        when(network.openPacketChannel(anyString(), any())).thenAnswer(
                inv -> new RawPacketChannel(CLIENT_NS, inv.getArgument(0), macs.get(inv.getArgument(0, String.class))));
        when(network.subscribe(any(), any())).thenReturn(() -> { });
        PluginContext context = mock(PluginContext.class);
        MosnetConfig d = MosnetConfig.defaults();
        when(context.config()).thenReturn(new MosnetConfig(d.ipv4(), d.ipv6(), dhcp, d.firewall(), d.nat(),
                d.bridge(), d.bridgeName(), d.topology(), d.nics(), d.plugins()));
        when(context.network()).thenReturn(network);
        when(context.clock()).thenReturn(Clock.systemUTC());
        when(context.scheduler()).thenReturn(scheduler);
        return context;
    }

    Link nic() {
        return link(NIC);
    }

    static Link link(String name) {
        return new Link(2, name, "veth", macs.get(name), 1500, true, true, 0);
    }

    String log() throws IOException {
        Path log = dir.resolve("private.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    static DhcpSettings settings(boolean preferPrivate, int timeoutSeconds) {
        return DhcpSettings.defaults().withPreferPrivate(preferPrivate).withTimeout(Duration.ofSeconds(timeoutSeconds));
    }

    @Test
    void probeTakesThePrivateOfferAsSoonAsItArrives() {
        Dhcp4AddressSource source = new Dhcp4AddressSource(DuidSource.linkLayer());
        long start = System.nanoTime();
        ProbeReport r = source.probe(new ProbeRequest(List.of(link(PUBLIC_NIC), link(SILENT_NIC), link(NIC))),
                context(settings(true, 20)));
        assertEquals(NIC, r.chosenNic(), r.toString());
        assertTrue(r.offer().address().startsWith("10.77.0."), r.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "did not wait for the timeout");
        assertEquals(ProbeOutcome.Status.NOT_AWAITED, r.outcomes().get(1).status(), r.toString());
    }

    @Test
    void probeTakesThePublicOfferWhenPrivateIsNotPreferred() {
        Dhcp4AddressSource source = new Dhcp4AddressSource(DuidSource.linkLayer());
        ProbeReport r = source.probe(new ProbeRequest(List.of(link(NIC), link(PUBLIC_NIC))),
                context(settings(false, 20)));
        assertEquals(PUBLIC_NIC, r.chosenNic(), r.toString());
        assertTrue(r.offer().address().startsWith("198.51.100."), r.toString());
    }

    @Test
    void probeNamesTheSilentNicAfterTheTimeout() {
        Dhcp4AddressSource source = new Dhcp4AddressSource(DuidSource.linkLayer());
        ProbeReport r = source.probe(new ProbeRequest(List.of(link(SILENT_NIC), link(NIC))),
                context(settings(false, 3)));
        assertEquals(NIC, r.chosenNic(), "the only offer, though not the preferred kind: " + r);
        assertEquals(List.of(SILENT_NIC), r.silentNics());
    }

    @Test
    void probesBindsAndConfirmsAfterARestartAgainstDnsmasq() throws Exception {
        Dhcp4AddressSource source = new Dhcp4AddressSource(DuidSource.linkLayer());
        PluginContext context = context();
        ProbeReport report = source.probe(new ProbeRequest(List.of(nic())), context);
        assertEquals(NIC, report.chosenNic(), "probe report " + report + "\n" + log());

        Queue listener = new Queue();
        LeaseState bound;
        try (AddressSession session = source.start(new AddressRequest(NIC, nic(), report.offer()), listener,
                context)) {
            String event = listener.next();
            assertTrue(event.startsWith("BOUND 10.77.0."), event + "\n" + log());
            bound = session.current().orElseThrow();
        }
        assertEquals("10.77.0.1", bound.gateway());
        assertEquals("10.77.0.1", bound.server());
        assertEquals(List.of("10.77.0.1"), bound.dns());
        assertEquals(List.of("lab.example", "example.org"), bound.domains());
        assertEquals(List.of("10.99.0.0/16 via 10.77.0.9"), bound.routes());
        assertEquals(1400, bound.mtu());
        Duration lease = Duration.between(bound.obtainedAt(), bound.expiresAt());
        assertEquals(120, lease.toSeconds());
        String leases = Files.readString(dir.resolve("private.leases"));
        assertTrue(leases.contains(bound.address().split("/")[0]) && leases.contains(colons(bound.clientId())),
                "dnsmasq stored our RFC 4361 client id: " + leases);

        // A restart with the stored lease: INIT-REBOOT, confirmed by the server, same address.
        Queue again = new Queue();
        try (AddressSession session = source.start(new AddressRequest(NIC, nic(), bound), again, context)) {
            assertEquals("REBOOTING " + bound.address(), again.next());
            assertEquals("BOUND " + bound.address(), again.next(), log());
            assertTrue(session.current().orElseThrow().expiresAt().isAfter(Instant.now().plusSeconds(100)));
        }
    }

    @Test
    void aLeaseFromAnotherNetworkIsRefusedAndReplaced() throws Exception {
        Dhcp4AddressSource source = new Dhcp4AddressSource(DuidSource.linkLayer());
        Instant now = Instant.now();
        LeaseState stale = new LeaseState("dhcpv4", "BOUND", NIC, "192.168.200.5/24", "192.168.200.1",
                "192.168.200.1", List.of(), List.of(), List.of(), 0, now, now.plusSeconds(600), now.plusSeconds(900),
                now.plusSeconds(1200), null);
        Queue listener = new Queue();
        try (AddressSession session = source.start(new AddressRequest(NIC, nic(), stale), listener, context())) {
            assertEquals("REBOOTING 192.168.200.5/24", listener.next());
            String lost = listener.next();
            assertTrue(lost.startsWith("lost 192.168.200.5/24: DHCPNAK from 10.77.0.1 in REBOOTING"), lost + log());
            String bound = listener.next();
            assertTrue(bound.startsWith("BOUND 10.77.0."), bound + "\n" + log());
        }
    }

    @Test
    void renewsByUnicastFromTheLeasedAddressAtT1() throws Exception {
        // The renewal socket is opened by the thread that reaches T1; here that is this thread, moved into the
        // client namespace, and T1 is reached by advancing a manual clock instead of waiting a minute.
        ManualClock clock = new ManualClock(Instant.now());
        ManualTimers timers = new ManualTimers(clock);
        Queue listener = new Queue();
        HostNetwork network = mock(HostNetwork.class);
        when(network.openPacketChannel(anyString(), any())).thenAnswer(
                inv -> new RawPacketChannel(CLIENT_NS, inv.getArgument(0), mac));
        try (AutoCloseable inside = RawPacketChannel.enter(CLIENT_NS);
             PacketTransport transport = new PacketTransport(network, NIC, mac);
             Dhcp4Client client = new Dhcp4Client(ClientIdentity.of(NIC, mac, Duid.linkLayer(mac)),
                     DhcpSettings.defaults(), transport, clock, timers, new java.security.SecureRandom(), listener)) {
            client.start(null);
            String bound = listener.next();
            assertTrue(bound.startsWith("BOUND 10.77.0."), bound + "\n" + log());
            String address = bound.substring("BOUND ".length());
            run("ip", "-n", CLIENT_NS, "addr", "add", address, "dev", NIC);
            LeaseState first = client.current().orElseThrow();
            String request = "DHCPREQUEST(s" + NIC + ") " + address.split("/")[0];
            long requestsBefore = log().lines().filter(l -> l.contains(request)).count();

            timers.advance(Duration.between(clock.instant(), first.renewAt()));
            assertEquals("RENEWING " + address, listener.next());
            assertEquals("BOUND " + address, listener.next(), log());
            LeaseState renewed = client.current().orElseThrow();
            assertTrue(renewed.expiresAt().isAfter(first.expiresAt()), renewed + " after " + first);
            assertEquals(requestsBefore + 1, log().lines().filter(l -> l.contains(request)).count(), log());
            assertEquals(Dhcp4State.BOUND, client.state());
        }
    }

    static String colons(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            s.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return s.toString();
    }
}
