package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkEvent;
import io.mosnet.api.net.PacketChannel;
import io.mosnet.api.net.PacketFilter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Root test: a host namespace and a router namespace joined by a veth pair; packet channels in both, and event
 * subscriptions in the host, including the RDNSS option of a router advertisement sent through a packet channel.
 */
class EventsAndPacketsNamespaceTest {

    private static final MacAddress ROUTER_MAC = MacAddress.parse("02:00:00:00:0b:02");
    private Lab lab;
    private String host;
    private String router;
    private NetlinkHostNetwork net;
    private NetlinkHostNetwork routerNet;

    @BeforeEach
    void setUp() {
        lab = new Lab();
        host = lab.namespace();
        router = lab.namespace();
        lab.ip(host, "link", "add", "up0", "type", "veth", "peer", "name", "rt0", "netns", router);
        lab.ip(router, "link", "set", "rt0", "address", ROUTER_MAC.toString());
        lab.ip(router, "addr", "add", "10.0.0.1/24", "dev", "rt0");
        lab.ip(router, "addr", "add", "fe80::1/64", "dev", "rt0", "nodad");
        lab.ip(router, "link", "set", "rt0", "up");
        lab.ip(host, "link", "set", "up0", "up");
        net = NetlinkHostNetwork.openIn(host);
        routerNet = NetlinkHostNetwork.openIn(router);
    }

    @AfterEach
    void tearDown() {
        try {
            net.close();
            routerNet.close();
        } finally {
            lab.close();
        }
    }

    private static <T> T await(BlockingQueue<NetworkEvent> q, Class<T> type, Predicate<T> match)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            NetworkEvent e = q.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " event within 10 s");
    }

    @Test
    @SuppressWarnings("try")
    void subscriptionSeesAddressLinkAndRouteChanges() throws Exception {
        BlockingQueue<NetworkEvent> q = new LinkedBlockingQueue<>();
        try (AutoCloseable sub = net.subscribe(EnumSet.of(NetworkEvent.Group.LINK, NetworkEvent.Group.IPV4_ADDRESS,
                NetworkEvent.Group.IPV4_ROUTE, NetworkEvent.Group.IPV6_ROUTE), q::add)) {
            lab.ip(host, "addr", "add", "10.0.0.2/24", "dev", "up0");
            var added = await(q, NetworkEvent.AddressChanged.class,
                    e -> e.address().network().equals(IpNetwork.parse("10.0.0.2/24")));
            assertFalse(added.removed());

            net.createBridge("mos");
            await(q, NetworkEvent.LinkChanged.class, e -> e.link().name().equals("mos") && !e.removed());
            net.deleteLink("mos");
            await(q, NetworkEvent.LinkChanged.class, e -> e.link().name().equals("mos") && e.removed());

            lab.ip(host, "route", "add", "198.51.100.0/24", "via", "10.0.0.1");
            var route = await(q, NetworkEvent.RouteChanged.class,
                    e -> e.route().destination().equals(IpNetwork.parse("198.51.100.0/24")));
            assertEquals(IpAddresses.parse("10.0.0.1"), route.route().gateway());
        }
        // Closed: nothing more arrives.
        q.clear();
        lab.ip(host, "addr", "add", "10.0.0.3/24", "dev", "up0");
        Thread.sleep(200);
        assertTrue(q.stream().noneMatch(e -> e instanceof NetworkEvent.AddressChanged), q.toString());
    }

    @Test
    void packetChannelExchangesArpWithTheRouter() {
        try (PacketChannel ch = net.openPacketChannel("up0", PacketFilter.ARP_REPLY)) {
            MacAddress ours = net.link("up0").orElseThrow().mac();
            ByteBuffer request = ByteBuffer.allocate(60);
            request.put(MacAddress.BROADCAST.toBytes()).put(ours.toBytes()).putShort((short) 0x0806)
                    .putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1)
                    .put(ours.toBytes()).put(IpAddresses.parse("10.0.0.2").getAddress())
                    .put(new byte[6]).put(IpAddresses.parse("10.0.0.1").getAddress());
            request.flip();
            ch.send(request);
            ByteBuffer in = ByteBuffer.allocate(1600);
            assertTrue(ch.receive(in, Duration.ofSeconds(5)), "an ARP reply within 5 s");
            assertEquals(0x0806, in.getShort(12) & 0xffff);
            assertEquals(2, in.getShort(20), "only replies pass the filter");
            assertEquals(ROUTER_MAC, MacAddress.of(in.array(), 22));
            assertFalse(ch.receive(in, Duration.ofMillis(200)), "our own request was not looped back");
        }
    }

    @Test
    @SuppressWarnings("try")
    void routerAdvertisementRdnssArrivesAsNdUserOption() throws Exception {
        BlockingQueue<NetworkEvent> q = new LinkedBlockingQueue<>();
        // The host accepts RAs (forwarding off, accept_ra 1 are the defaults of a new namespace) once up0 has its
        // link-local address.
        awaitLinkLocal();
        try (AutoCloseable sub = net.subscribe(EnumSet.of(NetworkEvent.Group.ND_USER_OPTION), q::add);
             PacketChannel ch = routerNet.openPacketChannel("rt0", PacketFilter.ALL)) {
            ch.send(routerAdvertisement(ROUTER_MAC, IpAddresses.parse("fe80::1"),
                    IpAddresses.parse("2001:db8::53")));
            var opt = await(q, NetworkEvent.NdUserOption.class, e -> true);
            assertEquals(134, opt.icmpType());
            assertEquals(net.link("up0").orElseThrow().index(), opt.linkIndex());
            assertEquals(IpAddresses.parse("fe80::1"), opt.source());
            assertEquals("1903000000000258" + "20010db8000000000000000000000053",
                    HexFormat.of().formatHex(opt.options()));
        }
    }

    private void awaitLinkLocal() throws InterruptedException {
        int index = net.link("up0").orElseThrow().index();
        for (int i = 0; i < 100; i++) {
            if (net.addresses(index).stream().anyMatch(a -> a.network().address().isLinkLocalAddress()
                    && !a.flags().contains(io.mosnet.api.net.Address.AddressFlag.TENTATIVE))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("up0 got no usable link-local address: " + net.addresses(index));
    }

    /** An RA (RFC 4861 section 4.2) to ff02::1 with router lifetime 0 and one RDNSS option (RFC 8106). */
    static ByteBuffer routerAdvertisement(MacAddress mac, InetAddress source, InetAddress dns) {
        byte[] icmp = ByteBuffer.allocate(16 + 8 + 24)
                .put((byte) 134).put((byte) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 0).putShort((short) 0).putInt(0).putInt(0)
                .put((byte) 1).put((byte) 1).put(mac.toBytes())
                .put((byte) 25).put((byte) 3).putShort((short) 0).putInt(600).put(dns.getAddress())
                .array();
        byte[] allNodes = IpAddresses.parse("ff02::1").getAddress();
        long sum = 0;
        for (byte[] part : new byte[][] {source.getAddress(), allNodes, icmp}) {
            for (int i = 0; i < part.length; i += 2) {
                sum += ((part[i] & 0xff) << 8) | (part[i + 1] & 0xff);
            }
        }
        sum += icmp.length + 58;
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int check = (int) (~sum & 0xffff);
        icmp[2] = (byte) (check >>> 8);
        icmp[3] = (byte) check;
        ByteBuffer f = ByteBuffer.allocate(14 + 40 + icmp.length);
        f.put(HexFormat.of().parseHex("333300000001")).put(mac.toBytes()).putShort((short) 0x86dd)
                .putInt(0x60000000).putShort((short) icmp.length).put((byte) 58).put((byte) 255)
                .put(source.getAddress()).put(allNodes).put(icmp);
        f.flip();
        return f;
    }
}
