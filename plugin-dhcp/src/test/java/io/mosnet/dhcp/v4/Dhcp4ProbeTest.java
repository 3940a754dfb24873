package io.mosnet.dhcp.v4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.address.ProbeOutcome;
import io.mosnet.api.address.ProbeReport;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.DuidSource;
import io.mosnet.dhcp.time.ManualClock;
import io.mosnet.dhcp.time.ManualTimers;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class Dhcp4ProbeTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    final ManualTimers timers = new ManualTimers(clock);
    final Link eth0 = link(2, "eth0", "52:54:00:00:00:10", true);
    final Link eth1 = link(3, "eth1", "52:54:00:00:00:11", true);
    final Link eth2 = link(4, "eth2", "52:54:00:00:00:12", true);
    final Map<Link, MemoryTransport> transports = new LinkedHashMap<>();

    static Link link(int index, String name, String mac, boolean carrier) {
        return new Link(index, name, "", MacAddress.parse(mac), 1500, true, carrier, 0);
    }

    CompletableFuture<ProbeReport> probe(DhcpSettings settings, Link... links) {
        Map<Link, Dhcp4Transport> map = new LinkedHashMap<>();
        for (Link l : links) {
            MemoryTransport t = new MemoryTransport();
            transports.put(l, t);
            map.put(l, t);
        }
        return new Dhcp4Probe(map, settings, DuidSource.linkLayer(), clock, timers, new Random(3)).start();
    }

    void offer(Link l, String address) {
        MemoryTransport t = transports.get(l);
        DhcpMessage discover = t.last().message();
        t.deliver(Replies.to(discover, MessageType.OFFER, address).server(address.replaceAll("\\.\\d+$", ".1"))
                .bytes());
    }

    @Test
    void sendsDiscoverOnEveryNicAtOnceWithItsOwnIdentity() {
        probe(DhcpSettings.defaults(), eth0, eth1);
        DhcpMessage d0 = transports.get(eth0).last().message();
        DhcpMessage d1 = transports.get(eth1).last().message();
        assertEquals(MessageType.DISCOVER, d0.type());
        assertEquals(eth0.mac(), d0.chaddr());
        assertEquals(eth1.mac(), d1.chaddr());
        assertFalse(d0.options().has(OptionCode.RAPID_COMMIT), "the probe never commits a lease");
        assertFalse(java.util.Arrays.equals(d0.options().raw(OptionCode.CLIENT_ID).get(),
                d1.options().raw(OptionCode.CLIENT_ID).get()), "one IAID per NIC");
    }

    @Test
    void aPrivateOfferDecidesAtOnceWhenPrivateIsPreferred() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults(), eth0, eth1);
        offer(eth1, "192.168.1.20");
        assertTrue(f.isDone(), "no need to wait for eth0: nothing can beat a private offer");
        ProbeReport r = f.join();
        assertEquals("eth1", r.chosenNic());
        assertEquals("192.168.1.20/24", r.offer().address());
        assertEquals(Dhcp4Client.OFFERED, r.offer().state());
        assertEquals("192.168.1.1", r.offer().server());
        assertEquals(ProbeOutcome.Status.NOT_AWAITED, r.outcomes().get(0).status());
        assertEquals(ProbeOutcome.Status.OFFERED, r.outcomes().get(1).status());
        assertEquals(List.of(), r.silentNics());
        assertEquals(0, timers.pending(), "retransmissions and the deadline are cancelled");
    }

    @Test
    void aPublicOfferWaitsForTheOthersWhenPrivateIsPreferred() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults(), eth0, eth1);
        offer(eth0, "198.51.100.7");
        assertFalse(f.isDone());
        offer(eth1, "10.1.2.3");
        assertEquals("eth1", f.join().chosenNic());
    }

    @Test
    void everyNicAnsweringWithPublicOffersDecidesWithoutTheTimeout() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults(), eth0, eth1);
        offer(eth1, "198.51.100.7");
        offer(eth0, "203.0.113.9");
        assertTrue(f.isDone());
        assertEquals("eth1", f.join().chosenNic(), "first answer wins among equals");
    }

    @Test
    void publicFirstWhenPreferPrivateIsOff() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults().withPreferPrivate(false), eth0, eth1);
        offer(eth0, "10.0.0.5");
        assertFalse(f.isDone(), "a private offer can still be beaten by a public one");
        offer(eth1, "198.51.100.7");
        assertTrue(f.isDone());
        assertEquals("eth1", f.join().chosenNic());
    }

    @Test
    void timeoutPicksTheBestOfferAndNamesSilentNics() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults().withTimeout(Duration.ofSeconds(10)),
                eth0, eth1, eth2);
        offer(eth2, "198.51.100.7");
        timers.advance(Duration.ofSeconds(9));
        assertFalse(f.isDone());
        assertTrue(transports.get(eth0).sent.size() >= 2, "DISCOVER retransmitted meanwhile");
        timers.advance(Duration.ofSeconds(1));
        ProbeReport r = f.join();
        assertEquals("eth2", r.chosenNic());
        assertEquals(List.of("eth0", "eth1"), r.silentNics());
        assertEquals("no DHCPOFFER within 10 s", r.outcomes().getFirst().detail());
    }

    @Test
    void noOfferAnywhereGivesAnEmptyChoice() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults().withTimeout(Duration.ofSeconds(3)), eth0);
        timers.advance(Duration.ofSeconds(3));
        ProbeReport r = f.join();
        assertNull(r.chosenNic());
        assertTrue(r.chosen().isEmpty());
        assertEquals(List.of("eth0"), r.silentNics());
    }

    @Test
    void nicsWithoutCarrierAreNotWaitedFor() {
        Link down = link(5, "eth3", "52:54:00:00:00:13", false);
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults(), eth0, down);
        assertTrue(transports.get(down).sent.isEmpty());
        offer(eth0, "198.51.100.7");
        assertTrue(f.isDone(), "the only NIC with carrier answered");
        ProbeReport r = f.join();
        assertEquals(ProbeOutcome.Status.NO_CARRIER, r.outcomes().get(1).status());
        assertEquals(List.of(), r.silentNics());
    }

    @Test
    void ignoresRepliesForAnotherTransactionOrNic() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults(), eth0, eth1);
        MemoryTransport t0 = transports.get(eth0);
        DhcpMessage d0 = t0.last().message();
        t0.deliver(Replies.to(d0, MessageType.OFFER, "10.0.0.5").xid(d0.xid() ^ 1).bytes());
        t0.deliver(Replies.to(d0, MessageType.OFFER, "10.0.0.5").chaddr(eth1.mac()).bytes());
        t0.deliver(Replies.to(d0, MessageType.OFFER, "10.0.0.5").server(null).bytes());
        t0.deliver(Replies.to(d0, MessageType.ACK, "10.0.0.5").bytes());
        t0.deliver(new byte[] {9, 9, 9});
        assertFalse(f.isDone());
    }

    @Test
    void aNicWhoseChannelCouldNotOpenIsReportedAsFailed() {
        Map<Link, Dhcp4Transport> map = new LinkedHashMap<>();
        map.put(eth0, null);
        CompletableFuture<ProbeReport> f = new Dhcp4Probe(map, DhcpSettings.defaults(), DuidSource.linkLayer(), clock,
                timers, new Random(3)).start();
        assertTrue(f.isDone());
        assertEquals(ProbeOutcome.Status.FAILED, f.join().outcomes().getFirst().status());
    }

    @Test
    void noCandidatesFinishesAtOnce() {
        CompletableFuture<ProbeReport> f = probe(DhcpSettings.defaults());
        assertTrue(f.isDone());
        assertTrue(f.join().outcomes().isEmpty());
    }
}
