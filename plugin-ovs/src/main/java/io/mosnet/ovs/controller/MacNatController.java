package io.mosnet.ovs.controller;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.ovs.openflow.FlowStats;
import io.mosnet.ovs.openflow.Instruction;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfChannel;
import io.mosnet.ovs.openflow.OfFrame;
import io.mosnet.ovs.openflow.OfMessage;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import io.mosnet.ovs.openflow.OfMessage.PacketIn;
import io.mosnet.ovs.openflow.OfMessage.PacketOut;
import io.mosnet.ovs.openflow.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mosnet's OpenFlow controller for bridge {@code mos}: installs the {@link FlowPlan} and, in static mode, runs the
 * ARP/NDP proxy and learns VM addresses from their resolution traffic.
 *
 * <p>It connects to ovs-vswitchd's per-bridge management socket {@code <rundir>/mos.mgmt} rather than listening
 * on a {@code punix:} controller socket of its own. That needs no Controller row in OVSDB (whose first setting
 * makes vswitchd flush the flow table) and no socket that must exist before vswitchd looks for it; vswitchd
 * restarts simply show up as a closed connection. Every (re)connection first reads back the cookie-tagged flows
 * the switch holds (adopting the VMs and host addresses an earlier mosnetd installed) and then changes only what
 * differs from the {@link FlowPlan} ({@link FlowSync}), so a restarted mosnetd removes and re-adds nothing. A
 * service connection only receives packet-ins after a non-zero miss_send_len, hence SET_CONFIG.
 *
 * <p>Two threads: the connection thread reads the socket, answers echoes and queues packet-ins into a bounded
 * queue (a full queue drops, counted); the proxy thread takes them one at a time, each with bounded work (one
 * parse of at most {@link Frames#MAX_FRAME} bytes, set lookups, at most a few messages out). A solicitation flood
 * therefore costs a fixed amount of memory and can neither starve keepalives nor block the reader.
 */
public final class MacNatController implements AutoCloseable {

    /**
     * What the flows depend on; replaced as a whole by {@link #reconfigure}.
     *
     * @param vlan the host port's access VLAN (the vlan topology), 0 when untagged
     */
    public record Config(Mode mode, long uplinkPort, MacAddress nicMac, Set<InetAddress> hostAddresses, int vlan) {
        public Config {
            hostAddresses = Set.copyOf(hostAddresses);
        }

        /** An untagged host port. */
        public Config(Mode mode, long uplinkPort, MacAddress nicMac, Set<InetAddress> hostAddresses) {
            this(mode, uplinkPort, nicMac, hostAddresses, 0);
        }
    }

    static final int QUEUE_CAPACITY = 256;
    static final int VM_CAPACITY = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MacNatController.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Path socket;
    private final ThreadFactory threads;
    private final Duration echoInterval;
    private final BlockingQueue<PacketIn> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final VmTable vms = new VmTable(VM_CAPACITY);
    private final Object lock = new Object();
    private final AtomicLong packetIns = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong installs = new AtomicLong();
    private volatile Config config;
    private volatile OfChannel channel;
    private volatile String lastError;
    private volatile boolean closed;
    private long pendingBarrier = -1;
    private boolean installed;
    /** mosnet's flows as the switch holds them on the current connection, guarded by {@code lock}. */
    private Map<FlowSync.FlowKey, List<Instruction>> present = new HashMap<>();
    private final List<Thread> running = new ArrayList<>();

    public MacNatController(Path socket, Config config, ThreadFactory threads, Duration echoInterval) {
        this.socket = socket;
        this.config = config;
        this.threads = threads;
        this.echoInterval = echoInterval;
    }

    public Path socket() {
        return socket;
    }

    public void start() {
        synchronized (lock) {
            if (!running.isEmpty()) {
                return;
            }
            running.add(threads.newThread(this::connectionLoop));
            running.add(threads.newThread(this::proxyLoop));
            running.forEach(Thread::start);
        }
    }

    /** New addresses or mode: re-installs the whole flow set on the current connection (and on later ones). */
    public void reconfigure(Config newConfig) {
        this.config = newConfig;
        OfChannel ch = channel;
        if (ch != null) {
            try {
                install(ch);
            } catch (IOException e) {
                // The connection thread notices the broken socket, reconnects and installs the new set.
                LOG.warn("re-installing flows on {} failed: {}", socket, e.getMessage());
            }
        }
    }

    public Config config() {
        return config;
    }

    /** Waits until the current flow set is confirmed by a barrier reply; false on timeout. */
    public boolean awaitInstalled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!installed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    public String lastError() {
        return lastError;
    }

    /** Counters and learned VMs for {@code mosnet ovs}. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socket", socket.toString());
        m.put("connected", channel != null);
        m.put("mode", config.mode().label());
        m.put("uplink_ofport", config.uplinkPort());
        m.put("proxied_addresses", config.hostAddresses().stream().map(IpAddresses::format).sorted().toList());
        m.put("connects", connects.get());
        m.put("flow_installs", installs.get());
        m.put("packet_ins", packetIns.get());
        m.put("packet_ins_dropped", dropped.get());
        List<Map<String, Object>> vmList = new ArrayList<>();
        for (VmEntry vm : vms.all()) {
            vmList.add(Map.of("ip", IpAddresses.format(vm.ip()), "mac", vm.mac().toString(), "ofport", vm.port()));
        }
        m.put("vms", vmList);
        if (lastError != null) {
            m.put("last_error", lastError);
        }
        return m;
    }

    // ---- connection thread

    private void connectionLoop() {
        Duration backoff = Duration.ofMillis(100);
        while (!closed) {
            OfChannel ch = null;
            try {
                ch = OfChannel.open(socket, Duration.ofSeconds(5));
                // OFPCML_NO_BUFFER: whole packets in packet-ins, and it enables them on a service connection.
                ch.send(new OfMessage.SetConfig(0, Ports.NO_BUFFER));
                Map<FlowSync.FlowKey, List<Instruction>> existing = FlowSync.index(readOwnFlows(ch));
                adopt(existing);
                synchronized (lock) {
                    present = new HashMap<>(existing);
                }
                channel = ch;
                connects.incrementAndGet();
                LOG.info("OpenFlow controller connected to {}", socket);
                install(ch);
                backoff = Duration.ofMillis(100);
                readLoop(ch);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    lastError = "OpenFlow connection to " + socket + ": " + e.getMessage();
                    LOG.warn("{}; retrying in {} ms", lastError, backoff.toMillis());
                }
            } finally {
                channel = null;
                if (ch != null) {
                    ch.close();
                }
                synchronized (lock) {
                    installed = false;
                }
            }
            synchronized (lock) {
                if (!closed) {
                    try {
                        lock.wait(backoff.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void readLoop(OfChannel ch) throws IOException {
        int silent = 0;
        while (!closed) {
            OfFrame f;
            try {
                f = ch.receive(echoInterval);
                silent = 0;
            } catch (SocketTimeoutException e) {
                if (++silent > 2) {
                    throw new IOException("no answer to " + (silent - 1) + " echo requests", e);
                }
                ch.send(new OfMessage.EchoRequest(new byte[0]));
                continue;
            }
            switch (f.message()) {
                case PacketIn p -> {
                    packetIns.incrementAndGet();
                    if (!queue.offer(p)) {
                        dropped.incrementAndGet();
                    }
                }
                case OfMessage.EchoRequest e -> ch.send(new OfMessage.EchoReply(e.data()), f.xid());
                case OfMessage.BarrierReply b -> {
                    synchronized (lock) {
                        if (f.xid() == pendingBarrier) {
                            installed = true;
                            lock.notifyAll();
                        }
                    }
                }
                case OfMessage.Error err -> {
                    lastError = "switch rejected request xid " + f.xid() + ": " + err;
                    LOG.warn("{} on {}", lastError, socket);
                }
                default -> LOG.trace("ignoring {} from {}", f.message(), socket);
            }
        }
    }

    /**
     * Sends what turns the switch's mosnet flows into the current plan (nothing when they match), then a barrier
     * whose reply marks them installed.
     */
    private void install(OfChannel ch) throws IOException {
        Config c = config;
        List<FlowMod> flows = FlowPlan.flows(c.mode(), c.vlan(), c.uplinkPort(), c.nicMac(), c.hostAddresses(),
                vms.all());
        List<FlowMod> changes;
        synchronized (lock) {
            installed = false;
            changes = FlowSync.changes(present, flows);
            for (FlowMod f : changes) {
                ch.send(f);
            }
            present = new HashMap<>(FlowSync.indexOf(flows));
            pendingBarrier = ch.send(new OfMessage.BarrierRequest());
        }
        installs.incrementAndGet();
        long deletes = changes.stream().filter(f -> f.command() == FlowMod.DELETE_STRICT).count();
        LOG.info("{} flows with cookie {} on {} ({} mode): {} kept, {} added or changed, {} removed", flows.size(),
                Long.toHexString(FlowPlan.COOKIE), socket, c.mode().label(), flows.size() - (changes.size() - deletes),
                changes.size() - deletes, deletes);
    }

    /** mosnet's flows on the switch (OFPMP_FLOW filtered by cookie), answering echoes and queueing packet-ins. */
    private List<FlowStats> readOwnFlows(OfChannel ch) throws IOException {
        long xid = ch.send(new OfMessage.FlowStatsRequest(0xff, Ports.ANY, Ports.ANY, FlowPlan.COOKIE, -1L,
                Match.any()));
        List<FlowStats> out = new ArrayList<>();
        while (true) {
            OfFrame f = ch.receive(echoInterval);
            switch (f.message()) {
                case OfMessage.EchoRequest e -> ch.send(new OfMessage.EchoReply(e.data()), f.xid());
                case PacketIn p -> {
                    packetIns.incrementAndGet();
                    if (!queue.offer(p)) {
                        dropped.incrementAndGet();
                    }
                }
                case OfMessage.Error err when f.xid() == xid ->
                        throw new IOException("switch refused the flow stats request: " + err);
                case OfMessage.FlowStatsReply r when f.xid() == xid -> {
                    out.addAll(r.flows());
                    if (!r.more()) {
                        return out;
                    }
                }
                default -> LOG.trace("ignoring {} from {} while reading flows", f.message(), socket);
            }
        }
    }

    /**
     * Takes over what an earlier mosnetd installed: its learned VMs and, while no host addresses are configured yet
     * (attach comes before configureHost), its proxied host addresses, so the first install removes nothing that
     * configureHost is about to ask for again.
     */
    private void adopt(Map<FlowSync.FlowKey, List<Instruction>> existing) {
        Config c = config;
        if (c.mode() != Mode.STATIC || existing.isEmpty()) {
            return;
        }
        FlowSync.Adopted a = FlowSync.adopt(existing, c.uplinkPort());
        for (VmEntry vm : a.vms()) {
            vms.learn(vm.ip(), vm.mac(), vm.port());
        }
        if (c.hostAddresses().isEmpty() && !a.hostAddresses().isEmpty()) {
            config = new Config(c.mode(), c.uplinkPort(), c.nicMac(), a.hostAddresses());
        }
        LOG.info("adopted {} flows on {}: {} VM addresses, host addresses {}", existing.size(), socket, a.vms().size(),
                config.hostAddresses().stream().map(IpAddresses::format).sorted().toList());
    }

    // ---- proxy thread

    private void proxyLoop() {
        while (!closed) {
            PacketIn p;
            try {
                p = queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (p == null) {
                continue;
            }
            OfChannel ch = channel;
            if (ch == null) {
                continue;
            }
            try {
                for (OfMessage out : handle(p, config, vms)) {
                    ch.send(out);
                    if (out instanceof FlowMod f && f.command() == FlowMod.ADD) {
                        synchronized (lock) {
                            present.put(new FlowSync.FlowKey(f.priority(), f.match()), f.instructions());
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("packet-in from port {} not handled: {}", p.match().inPort(), e.getMessage());
            }
        }
    }

    /**
     * What to send for one packet-in: proxy answers, forwarded rewritten frames and flows for newly learned VMs.
     * Pure apart from learning into {@code vms}; the tests drive it directly.
     */
    static List<OfMessage> handle(PacketIn p, Config c, VmTable vms) {
        if (c.mode() != Mode.STATIC || p.match().inPort() == null) {
            return List.of();
        }
        long in = p.inPort();
        byte[] frame = p.data();
        List<OfMessage> out = new ArrayList<>();
        Optional<Frames.Arp> arp = Frames.parseArp(frame);
        Optional<Frames.Nd> nd = arp.isPresent() ? Optional.empty() : Frames.parseNd(frame);
        if (in == c.uplinkPort()) {
            arp.filter(a -> a.op() == Frames.ARP_REQUEST && answersFor(a.tpa(), c, vms))
                    .ifPresent(a -> out.add(PacketOut.of(in, Frames.arpReply(a, c.nicMac()))));
            nd.filter(n -> n.type() == Frames.ND_NEIGHBOR_SOLICITATION && answersFor(n.target(), c, vms))
                    .ifPresent(n -> out.add(PacketOut.of(in, Frames.neighbourAdvertisement(n, c.nicMac()))));
            return out;
        }
        if (in == Ports.LOCAL) {
            return out;
        }
        // From a VM port: learn, then answer for the host's addresses or send upstream with the NIC's MAC.
        if (arp.isPresent()) {
            Frames.Arp a = arp.get();
            learn(a.spa(), a.sha(), in, c, vms, out);
            if (a.op() == Frames.ARP_REQUEST && c.hostAddresses().contains(a.tpa())) {
                out.add(PacketOut.of(in, Frames.arpReply(a, c.nicMac())));
            } else {
                out.add(PacketOut.of(c.uplinkPort(), Frames.rewriteSource(frame, c.nicMac())));
            }
        } else if (nd.isPresent()) {
            Frames.Nd n = nd.get();
            if (n.type() == Frames.ND_NEIGHBOR_SOLICITATION) {
                // A DAD probe (source ::) names the address the VM is about to use (RFC 4862 section 5.4.2).
                learn(n.src().isAnyLocalAddress() ? n.target() : n.src(), n.ethSrc(), in, c, vms, out);
                if (c.hostAddresses().contains(n.target())) {
                    out.add(PacketOut.of(in, Frames.neighbourAdvertisement(n, c.nicMac())));
                    return out;
                }
            } else {
                learn(n.target(), n.lladdr() != null ? n.lladdr() : n.ethSrc(), in, c, vms, out);
            }
            out.add(PacketOut.of(c.uplinkPort(), Frames.rewriteSource(frame, c.nicMac())));
        }
        return out;
    }

    private static boolean answersFor(InetAddress target, Config c, VmTable vms) {
        return c.hostAddresses().contains(target) || vms.get(target).isPresent();
    }

    private static void learn(InetAddress ip, MacAddress mac, long port, Config c, VmTable vms, List<OfMessage> out) {
        // Unspecified sources (DAD, ARP probes), multicast MACs and the host's own addresses are never VMs.
        if (ip.isAnyLocalAddress() || ip.isLinkLocalAddress() || ip.isMulticastAddress() || mac.isMulticast()
                || c.hostAddresses().contains(ip) || mac.equals(c.nicMac())) {
            return;
        }
        VmTable.Outcome o = vms.learn(ip, mac, port);
        if (o == VmTable.Outcome.NEW || o == VmTable.Outcome.MOVED) {
            LOG.info("learned VM {} at {} on port {}", IpAddresses.format(ip), mac, port);
            out.addAll(FlowPlan.vmFlows(c.uplinkPort(), new VmEntry(ip, mac, port)));
        } else if (o == VmTable.Outcome.REFUSED) {
            LOG.warn("VM table full ({} addresses): not learning {} on port {}", VM_CAPACITY, IpAddresses.format(ip),
                    port);
        }
    }

    @Override
    public void close() {
        closed = true;
        OfChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        for (Thread t : running) {
            t.interrupt();
        }
    }
}
