package io.mosnet.dhcp.v4;

import static io.mosnet.dhcp.v4.Replies.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.config.DhcpSettings;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.time.ManualClock;
import io.mosnet.dhcp.time.ManualTimers;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.option.ClasslessRoute;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.RapidCommitOption;
import io.mosnet.dhcp.v4.option.RequestedAddressOption;
import io.mosnet.dhcp.v4.option.ServerIdOption;
import io.mosnet.dhcp.v4.option.ServerMessageOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Dhcp4ClientTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    final ManualTimers timers = new ManualTimers(clock);
    final MemoryTransport transport = new MemoryTransport();
    final Recorder listener = new Recorder();
    final ClientIdentity identity = ClientIdentity.of("eth0", MAC, Duid.linkLayer(MAC));

    /** Records listener calls as "changed STATE address" / "lost address: reason". */
    static final class Recorder implements AddressListener {
        final List<String> events = new ArrayList<>();
        final List<LeaseState> leases = new ArrayList<>();

        @Override
        public void leaseChanged(LeaseState lease) {
            events.add("changed " + lease.state() + " " + lease.address());
            leases.add(lease);
        }

        @Override
        public void leaseLost(LeaseState lease, String reason) {
            events.add("lost " + lease.address() + ": " + reason);
        }
    }

    Dhcp4Client client(DhcpSettings settings) {
        return new Dhcp4Client(identity, settings, transport, clock, timers, new Random(7), listener);
    }

    Dhcp4Client client() {
        return client(DhcpSettings.defaults());
    }

    DhcpMessage lastSent() {
        return transport.last().message();
    }

    /** Runs DISCOVER, OFFER, REQUEST, ACK; returns the ACK delivered. */
    Dhcp4Client bound(Replies.Customizer ack) {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").bytes());
        Replies r = Replies.to(lastSent(), MessageType.ACK, "10.0.0.5");
        transport.deliver(ack.apply(r).bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        return c;
    }

    @Test
    void discoversThenRequestsTheOfferThenBinds() {
        Dhcp4Client c = client();
        c.start(null);
        DhcpMessage discover = lastSent();
        assertEquals(MessageType.DISCOVER, discover.type());
        assertTrue(transport.last().broadcast());
        assertEquals(Ipv4.ANY, transport.last().source());
        assertEquals(MAC, discover.chaddr());
        assertEquals(Dhcp4State.SELECTING, c.state());

        transport.deliver(Replies.to(discover, MessageType.OFFER, "10.0.0.5").bytes());
        DhcpMessage request = lastSent();
        assertEquals(MessageType.REQUEST, request.type());
        assertEquals(discover.xid(), request.xid());
        assertEquals(ip("10.0.0.5"),
                request.options().decode(OptionCode.REQUESTED_ADDRESS, RequestedAddressOption::decode).get());
        assertEquals(ip("10.0.0.1"), request.options().decode(OptionCode.SERVER_ID, ServerIdOption::decode).get());
        assertEquals(Ipv4.ANY, request.ciaddr());
        assertEquals(Dhcp4State.REQUESTING, c.state());

        transport.deliver(Replies.to(request, MessageType.ACK, "10.0.0.5").search("lab.example", "example")
                .mtu(1400).bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals(List.of("changed BOUND 10.0.0.5/24"), listener.events);
        LeaseState s = listener.leases.getFirst();
        assertEquals("dhcpv4", s.protocol());
        assertEquals("eth0", s.nic());
        assertEquals("10.0.0.1", s.gateway());
        assertEquals("10.0.0.1", s.server());
        assertEquals(List.of("10.0.0.1"), s.dns());
        assertEquals(List.of("lab.example", "example"), s.domains());
        assertEquals(1400, s.mtu());
        assertEquals(T0, s.obtainedAt());
        assertEquals(T0.plusSeconds(1800), s.renewAt());
        assertEquals(T0.plusSeconds(3150), s.rebindAt());
        assertEquals(T0.plusSeconds(3600), s.expiresAt());
        assertEquals(identity.clientIdHex(), s.clientId());
        assertTrue(s.clientId().startsWith("ff"), "RFC 4361 type 255");
        assertEquals(s, c.current().orElseThrow());
    }

    @Test
    void sendsTheRfc4361ClientIdentifierAndParameterRequestList() {
        client().start(null);
        DhcpMessage discover = lastSent();
        byte[] id = discover.options().raw(OptionCode.CLIENT_ID).orElseThrow();
        assertEquals((byte) 255, id[0]);
        assertEquals(identity.clientIdHex(), java.util.HexFormat.of().formatHex(id));
        byte[] prl = discover.options().raw(OptionCode.PARAMETER_REQUEST_LIST).orElseThrow();
        assertTrue(new String(prl, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(String.valueOf((char) OptionCode.CLASSLESS_ROUTES)));
        assertFalse(discover.options().has(OptionCode.RAPID_COMMIT));
    }

    @Test
    void retransmitsDiscoverWithRandomisedExponentialBackoff() {
        client().start(null);
        List<Instant> sentAt = new ArrayList<>();
        sentAt.add(clock.instant());
        for (int i = 0; i < 7; i++) {
            int before = transport.sent.size();
            timers.advance(Duration.between(clock.instant(), timers.nextDue().orElseThrow()));
            assertEquals(before + 1, transport.sent.size());
            sentAt.add(clock.instant());
        }
        long[] expected = {4, 8, 16, 32, 64, 64, 64};
        for (int i = 0; i < expected.length; i++) {
            long gap = Duration.between(sentAt.get(i), sentAt.get(i + 1)).toMillis();
            assertTrue(Math.abs(gap - expected[i] * 1000) <= 1000, "gap " + i + " was " + gap + " ms");
        }
        int xid = transport.sent.getFirst().message().xid();
        assertTrue(transport.sent.stream().allMatch(s -> s.message().xid() == xid), "same transaction");
    }

    @Test
    void ignoresOfferWithAnotherTransactionId() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").xid(lastSent().xid() + 1).bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertEquals(1, transport.sent.size());
    }

    @Test
    void ignoresOfferForAnotherMac() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5")
                .chaddr(MacAddress.parse("52:54:00:00:00:01")).bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    @Test
    void ignoresOfferWithoutServerIdentifier() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").server(null).bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    @Test
    void ignoresOfferEchoingAnotherClientIdentifier() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5")
                .option(OptionCode.CLIENT_ID, new byte[] {1, 2, 3}).bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    @Test
    void ignoresMalformedAndOutOfStateMessages() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(new byte[] {1, 2, 3});
        transport.deliver(Replies.to(lastSent(), MessageType.ACK, "10.0.0.5").bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5")
                .option(OptionCode.SUBNET_MASK, new byte[] {(byte) 255, 0}).bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "0.0.0.0").bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertEquals(List.of(), listener.events);
    }

    @Test
    void ignoresAckFromAnotherServerWhileRequesting() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.ACK, "10.0.0.9").server("10.0.0.2").bytes());
        assertEquals(Dhcp4State.REQUESTING, c.state());
    }

    @Test
    void requestingGivesUpAndReturnsToInit() {
        Dhcp4Client c = client();
        c.start(null);
        DhcpMessage discover = lastSent();
        transport.deliver(Replies.to(discover, MessageType.OFFER, "10.0.0.5").bytes());
        timers.advance(Duration.ofSeconds(4 + 8 + 16 + 32 + 64 + 5));
        long requests = transport.sent.stream().filter(s -> s.message().type() == MessageType.REQUEST).count();
        assertEquals(Dhcp4Client.REQUEST_TRIES, requests);
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertEquals(MessageType.DISCOVER, lastSent().type());
        assertNotEquals(discover.xid(), lastSent().xid(), "a new transaction after INIT");
    }

    @Test
    void nakWhileRequestingReturnsToInit() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.NAK, null).bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertEquals(MessageType.DISCOVER, lastSent().type());
        assertEquals(List.of(), listener.events, "nothing was bound, nothing is lost");
    }

    @Test
    void declineSendsDhcpdeclineDropsTheLeaseAndStartsOverAfterTenSeconds() {
        Dhcp4Client c = bound(r -> r.lease(600));
        int xid = lastSent().xid();
        c.decline(ip("10.0.0.5"), "in use by 52:54:00:aa:bb:cc");

        DhcpMessage decline = lastSent();
        assertEquals(MessageType.DECLINE, decline.type());
        assertTrue(transport.last().broadcast());
        assertEquals(Ipv4.ANY, decline.ciaddr());
        assertNotEquals(xid, decline.xid(), "a new transaction");
        assertEquals(ip("10.0.0.5"),
                decline.options().decode(OptionCode.REQUESTED_ADDRESS, RequestedAddressOption::decode).get());
        assertEquals(ip("10.0.0.1"), decline.options().decode(OptionCode.SERVER_ID, ServerIdOption::decode).get());
        assertEquals("address in use by 52:54:00:aa:bb:cc",
                decline.options().decode(OptionCode.MESSAGE, ServerMessageOption::decode).get());
        assertFalse(decline.options().has(OptionCode.PARAMETER_REQUEST_LIST), "RFC 2131 table 5: MUST NOT");
        assertEquals(List.of("changed BOUND 10.0.0.5/24",
                "lost 10.0.0.5/24: declined: 10.0.0.5 is in use by 52:54:00:aa:bb:cc"), listener.events);
        assertTrue(c.current().isEmpty());

        int sent = transport.sent.size();
        timers.advance(Duration.ofSeconds(9));
        assertEquals(sent, transport.sent.size(), "quiet for ten seconds");
        timers.advance(Duration.ofSeconds(1));
        assertEquals(MessageType.DISCOVER, lastSent().type());
        assertEquals(Dhcp4State.SELECTING, c.state());
        timers.advance(Duration.ofSeconds(600));
        assertEquals(2, listener.events.size(), "the declined lease's timers are gone");
    }

    @Test
    void declineOfAnAddressNoLongerHeldDoesNothing() {
        Dhcp4Client c = bound(r -> r.lease(600));
        int sent = transport.sent.size();
        c.decline(ip("10.0.0.9"), "in use by 52:54:00:aa:bb:cc");
        assertEquals(sent, transport.sent.size());
        assertEquals(Dhcp4State.BOUND, c.state());
    }

    @Test
    void renewsAtT1ByUnicastToTheServer() {
        Dhcp4Client c = bound(r -> r.lease(600));
        timers.advance(Duration.ofSeconds(299));
        assertEquals(Dhcp4State.BOUND, c.state());
        timers.advance(Duration.ofSeconds(1));
        assertEquals(Dhcp4State.RENEWING, c.state());
        MemoryTransport.Sent renew = transport.last();
        assertFalse(renew.broadcast());
        assertEquals(ip("10.0.0.1"), renew.destination());
        assertEquals(ip("10.0.0.5"), renew.source());
        assertEquals(ip("10.0.0.5"), renew.message().ciaddr());
        assertFalse(renew.message().options().has(OptionCode.SERVER_ID), "RFC 2131 table 5: no server id");
        assertFalse(renew.message().options().has(OptionCode.REQUESTED_ADDRESS));
        assertEquals("changed RENEWING 10.0.0.5/24", listener.events.getLast());

        transport.deliver(Replies.to(renew.message(), MessageType.ACK, "10.0.0.5").lease(600).bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        LeaseState renewed = c.current().orElseThrow();
        assertEquals(T0.plusSeconds(300 + 600), renewed.expiresAt());
        assertEquals(T0.plusSeconds(300 + 300), renewed.renewAt());
    }

    @Test
    void rebindsByBroadcastAtT2AndRecovers() {
        Dhcp4Client c = bound(r -> r.lease(800));
        timers.advance(Duration.ofSeconds(400));
        assertEquals(Dhcp4State.RENEWING, c.state());
        timers.advance(Duration.ofSeconds(300));
        assertEquals(Dhcp4State.REBINDING, c.state());
        MemoryTransport.Sent rebind = transport.last();
        assertTrue(rebind.broadcast());
        assertEquals(ip("10.0.0.5"), rebind.source());
        assertEquals(ip("10.0.0.5"), rebind.message().ciaddr());
        assertEquals("changed REBINDING 10.0.0.5/24", listener.events.getLast());

        transport.deliver(Replies.to(rebind.message(), MessageType.ACK, "10.0.0.5").server("10.0.0.2").bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals("10.0.0.2", c.current().orElseThrow().server());
        assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("lost")));
    }

    @Test
    void renewingRetransmitsAfterHalfTheTimeToT2ButNotSoonerThanAMinute() {
        bound(r -> r.lease(3600));
        timers.advance(Duration.ofSeconds(1800));
        int renewals = transport.sent.size();
        // T2 is at 3150 s: 1350 s remain, so the next try comes 675 s later.
        timers.advance(Duration.ofSeconds(674));
        assertEquals(renewals, transport.sent.size());
        timers.advance(Duration.ofSeconds(1));
        assertEquals(renewals + 1, transport.sent.size());
        assertFalse(transport.last().broadcast());
    }

    @Test
    void removesTheAddressOnlyAtExpiry() {
        Dhcp4Client c = bound(r -> r.lease(800));
        timers.advance(Duration.ofSeconds(799));
        assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("lost")));
        assertEquals(Dhcp4State.REBINDING, c.state());
        timers.advance(Duration.ofSeconds(1));
        assertTrue(listener.events.stream().anyMatch(e -> e.startsWith("lost 10.0.0.5/24: lease expired")),
                listener.events.toString());
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertTrue(c.current().isEmpty());
        assertEquals(MessageType.DISCOVER, lastSent().type());
    }

    @Test
    void nakWhileRenewingDropsTheLeaseAndReturnsToInit() {
        Dhcp4Client c = bound(r -> r.lease(600));
        timers.advance(Duration.ofSeconds(300));
        transport.deliver(Replies.to(lastSent(), MessageType.NAK, null)
                .option(OptionCode.MESSAGE, ServerMessageOption.encode("wrong network")).bytes());
        assertEquals("lost 10.0.0.5/24: DHCPNAK from 10.0.0.1 in RENEWING: wrong network", listener.events.getLast());
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertTrue(c.current().isEmpty());
        // The old T2 and expiry timers are gone.
        timers.advance(Duration.ofSeconds(400));
        assertTrue(listener.events.stream().filter(e -> e.startsWith("lost")).count() == 1);
    }

    @Test
    void repeatedNaksBackOff() {
        Dhcp4Client c = client();
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.NAK, null).bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").bytes());
        int before = transport.sent.size();
        transport.deliver(Replies.to(lastSent(), MessageType.NAK, null).bytes());
        assertEquals(Dhcp4State.INIT, c.state());
        assertEquals(before, transport.sent.size(), "the second NAK waits before discovering again");
        timers.advance(Duration.ofSeconds(2));
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    @Test
    void anAckForAnotherAddressWhileRenewingReplacesTheOldOne() {
        Dhcp4Client c = bound(r -> r.lease(600));
        timers.advance(Duration.ofSeconds(300));
        transport.deliver(Replies.to(lastSent(), MessageType.ACK, "10.0.0.7").bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        assertTrue(listener.events.get(listener.events.size() - 2).startsWith("lost 10.0.0.5/24"));
        assertEquals("changed BOUND 10.0.0.7/24", listener.events.getLast());
    }

    @Test
    void normalisesT1AndT2ThatBreakTheirOrder() {
        Dhcp4Client c = bound(r -> r.lease(1000).t1t2(900, 2000));
        LeaseState s = c.current().orElseThrow();
        assertEquals(T0.plusSeconds(875), s.rebindAt());
        assertEquals(T0.plusSeconds(500), s.renewAt());
    }

    @Test
    void honoursServerT1AndT2WhenOrdered() {
        Dhcp4Client c = bound(r -> r.lease(1000).t1t2(100, 200));
        LeaseState s = c.current().orElseThrow();
        assertEquals(T0.plusSeconds(100), s.renewAt());
        assertEquals(T0.plusSeconds(200), s.rebindAt());
    }

    @Test
    void infiniteLeaseArmsNoTimers() {
        Dhcp4Client c = bound(r -> r.lease(0xffff_ffffL));
        assertNull(c.current().orElseThrow().expiresAt());
        assertEquals(0, timers.pending());
    }

    @Test
    void classlessRoutesReplaceTheRouterOption() {
        Dhcp4Client c = bound(r -> r.routes(
                new ClasslessRoute(ip("0.0.0.0"), 0, ip("10.0.0.254")),
                new ClasslessRoute(ip("192.168.50.0"), 24, ip("10.0.0.9")),
                new ClasslessRoute(ip("10.9.0.0"), 16, ip("0.0.0.0"))));
        LeaseState s = c.current().orElseThrow();
        assertEquals("10.0.0.254", s.gateway());
        assertEquals(List.of("192.168.50.0/24 via 10.0.0.9", "10.9.0.0/16"), s.routes());
    }

    @Test
    void anOnLinkDefaultRouteStaysARoute() {
        Dhcp4Client c = bound(r -> r.routes(new ClasslessRoute(ip("0.0.0.0"), 0, ip("0.0.0.0"))));
        LeaseState s = c.current().orElseThrow();
        assertNull(s.gateway());
        assertEquals(List.of("0.0.0.0/0"), s.routes());
    }

    @Test
    void classlessRoutesAreIgnoredWhenSwitchedOff() {
        DhcpSettings d = DhcpSettings.defaults();
        DhcpSettings off = new DhcpSettings(d.timeout(), true, false, false, null, false, false, false);
        Dhcp4Client c = client(off);
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.OFFER, "10.0.0.5").bytes());
        transport.deliver(Replies.to(lastSent(), MessageType.ACK, "10.0.0.5")
                .routes(new ClasslessRoute(ip("0.0.0.0"), 0, ip("10.0.0.254"))).bytes());
        LeaseState s = c.current().orElseThrow();
        assertEquals("10.0.0.1", s.gateway());
        assertEquals(List.of(), s.routes());
    }

    @Test
    void rapidCommitBindsOnAnAckToTheDiscover() {
        DhcpSettings d = DhcpSettings.defaults();
        DhcpSettings rapid = new DhcpSettings(d.timeout(), true, true, true, "node-1", false, false, false);
        Dhcp4Client c = client(rapid);
        c.start(null);
        DhcpMessage discover = lastSent();
        assertTrue(discover.options().has(OptionCode.RAPID_COMMIT));
        assertEquals("node-1", new String(discover.options().raw(OptionCode.HOSTNAME).orElseThrow(),
                java.nio.charset.StandardCharsets.US_ASCII));
        transport.deliver(Replies.to(discover, MessageType.ACK, "10.0.0.5")
                .option(OptionCode.RAPID_COMMIT, RapidCommitOption.encode()).bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals(1, transport.sent.size(), "two-message exchange");
    }

    @Test
    void ackWithoutRapidCommitIsIgnoredInSelecting() {
        DhcpSettings d = DhcpSettings.defaults();
        Dhcp4Client c = client(new DhcpSettings(d.timeout(), true, true, true, null, false, false, false));
        c.start(null);
        transport.deliver(Replies.to(lastSent(), MessageType.ACK, "10.0.0.5").bytes());
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    LeaseState stored(Instant obtained, long leaseSeconds) {
        return new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", "10.0.0.1", "10.0.0.1",
                List.of("10.0.0.1"), List.of("lab.example"), List.of("192.168.50.0/24 via 10.0.0.9"), 0, obtained,
                obtained.plusSeconds(leaseSeconds / 2), obtained.plusSeconds(leaseSeconds * 7 / 8),
                obtained.plusSeconds(leaseSeconds), identity.clientIdHex());
    }

    @Test
    void initRebootConfirmsAStoredLease() {
        Dhcp4Client c = client();
        c.start(stored(T0.minusSeconds(100), 3600));
        assertEquals(Dhcp4State.REBOOTING, c.state());
        DhcpMessage req = lastSent();
        assertEquals(MessageType.REQUEST, req.type());
        assertTrue(transport.last().broadcast());
        assertEquals(Ipv4.ANY, req.ciaddr());
        assertEquals(ip("10.0.0.5"),
                req.options().decode(OptionCode.REQUESTED_ADDRESS, RequestedAddressOption::decode).get());
        assertFalse(req.options().has(OptionCode.SERVER_ID));
        assertEquals("changed REBOOTING 10.0.0.5/24", listener.events.getFirst());
        LeaseState during = c.current().orElseThrow();
        assertEquals(List.of("192.168.50.0/24 via 10.0.0.9"), during.routes());

        transport.deliver(Replies.to(req, MessageType.ACK, "10.0.0.5").bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals(T0.plusSeconds(3600), c.current().orElseThrow().expiresAt());
    }

    @Test
    void initRebootNakLosesTheLease() {
        Dhcp4Client c = client();
        c.start(stored(T0.minusSeconds(100), 3600));
        transport.deliver(Replies.to(lastSent(), MessageType.NAK, null).server("10.0.0.3").bytes());
        assertTrue(listener.events.getLast().startsWith("lost 10.0.0.5/24: DHCPNAK from 10.0.0.3 in REBOOTING"));
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    @Test
    void initRebootWithoutAnswerKeepsTheUnexpiredLease() {
        Dhcp4Client c = client();
        c.start(stored(T0.minusSeconds(100), 3600));
        timers.advance(Duration.ofSeconds(4 + 8 + 16 + 3));
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals("changed BOUND 10.0.0.5/24", listener.events.getLast());
        assertEquals(T0.plusSeconds(3500), c.current().orElseThrow().expiresAt(), "the stored times stay");
        assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("lost")));
    }

    @Test
    void aStoredLeaseFromAnotherNicStartsAtInit() {
        LeaseState s = stored(T0.minusSeconds(100), 3600);
        LeaseState other = new LeaseState(s.protocol(), s.state(), "eth9", s.address(), s.gateway(), s.server(),
                s.dns(), s.domains(), s.routes(), s.mtu(), s.obtainedAt(), s.renewAt(), s.rebindAt(), s.expiresAt(),
                s.clientId());
        Dhcp4Client c = client();
        c.start(other);
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertTrue(listener.events.isEmpty());
    }

    @Test
    void anExpiredStoredLeaseStartsAtInit() {
        Dhcp4Client c = client();
        c.start(stored(T0.minusSeconds(7200), 3600));
        assertEquals(Dhcp4State.SELECTING, c.state());
        assertEquals(MessageType.DISCOVER, lastSent().type());
    }

    @Test
    void aProbeOfferIsRequestedDirectly() {
        Dhcp4Client c = client();
        LeaseState offer = new LeaseState("dhcpv4", Dhcp4Client.OFFERED, "eth0", "10.0.0.5/24", null, "10.0.0.1",
                null, null, null, 0, T0, null, null, null, identity.clientIdHex());
        c.start(offer);
        assertEquals(Dhcp4State.REQUESTING, c.state());
        DhcpMessage req = lastSent();
        assertEquals(ip("10.0.0.1"), req.options().decode(OptionCode.SERVER_ID, ServerIdOption::decode).get());
        transport.deliver(Replies.to(req, MessageType.ACK, "10.0.0.5").bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
    }

    @Test
    void confirmOnCarrierRegainRunsInitReboot() {
        Dhcp4Client c = bound(r -> r.lease(3600));
        timers.advance(Duration.ofSeconds(60));
        c.confirm();
        assertEquals(Dhcp4State.REBOOTING, c.state());
        DhcpMessage req = lastSent();
        assertEquals(Ipv4.ANY, req.ciaddr());
        assertTrue(req.options().has(OptionCode.REQUESTED_ADDRESS));
        c.confirm();
        assertEquals(req, lastSent(), "a second confirm while confirming sends nothing new");
        transport.deliver(Replies.to(req, MessageType.ACK, "10.0.0.5").bytes());
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals(T0.plusSeconds(60 + 3600), c.current().orElseThrow().expiresAt());
    }

    @Test
    void confirmWithoutLeaseRestartsDiscoveryAtOnce() {
        Dhcp4Client c = client();
        c.start(null);
        timers.advance(Duration.ofSeconds(100));
        int before = transport.sent.size();
        c.confirm();
        assertEquals(before + 1, transport.sent.size());
        assertEquals(MessageType.DISCOVER, lastSent().type());
        assertEquals(Dhcp4State.SELECTING, c.state());
    }

    @Test
    void sendFailuresAreRetriedByTheBackoff() {
        transport.failSends = new IllegalStateException("link down");
        Dhcp4Client c = client();
        c.start(null);
        assertEquals(Dhcp4State.SELECTING, c.state());
        transport.failSends = null;
        timers.advance(Duration.ofSeconds(5));
        assertEquals(MessageType.DISCOVER, lastSent().type());
    }

    @Test
    void closeStopsTimersAndIgnoresLateReplies() {
        Dhcp4Client c = bound(r -> r.lease(600));
        c.close();
        timers.advance(Duration.ofSeconds(1000));
        assertEquals(Dhcp4State.BOUND, c.state());
        assertEquals(1, listener.events.size());
    }

    @Test
    void transactionIdsChangePerExchange() {
        Dhcp4Client c = bound(r -> r.lease(600));
        int first = transport.sent.getFirst().message().xid();
        timers.advance(Duration.ofSeconds(300));
        assertEquals(Dhcp4State.RENEWING, c.state());
        assertNotEquals(first, lastSent().xid());
    }
}
