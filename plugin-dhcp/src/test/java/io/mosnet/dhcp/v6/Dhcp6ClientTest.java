package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.time.ManualClock;
import io.mosnet.dhcp.time.ManualTimers;
import io.mosnet.dhcp.v6.wire.ClientIdOption;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.ElapsedTimeOption;
import io.mosnet.dhcp.v6.wire.IaNaOption;
import io.mosnet.dhcp.v6.wire.IaPdOption;
import io.mosnet.dhcp.v6.wire.MessageType;
import io.mosnet.dhcp.v6.wire.OptionCode;
import io.mosnet.dhcp.v6.wire.OptionRequestOption;
import io.mosnet.dhcp.v6.wire.ServerIdOption;
import io.mosnet.dhcp.v6.wire.StatusCodeOption;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Dhcp6ClientTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Duid DUID = Duid.linkLayer(MAC);
    private static final InetSocketAddress SERVER = new InetSocketAddress(IpAddresses.parseIpv6("fe80::1"), 547);

    private final ManualClock clock = new ManualClock(T0);
    private final ManualTimers timers = new ManualTimers(clock);
    private final MemoryTransport transport = new MemoryTransport();
    private final Recorder events = new Recorder();
    private Dhcp6Client client;

    /** What the owner heard. */
    static final class Recorder implements Dhcp6Events {
        final List<Dhcp6Lease> changed = new ArrayList<>();
        final List<String> lost = new ArrayList<>();
        final List<String> noServer = new ArrayList<>();

        @Override
        public void leaseChanged(Dhcp6Lease lease) {
            changed.add(lease);
        }

        @Override
        public void leaseLost(Dhcp6Lease lease, String reason) {
            lost.add(reason);
        }

        @Override
        public void noServer(String message) {
            noServer.add(message);
        }
    }

    private Dhcp6Client client(boolean pd, boolean rapid) {
        client = new Dhcp6Client("mos", Dhcp6Identity.of(DUID, MAC),
                new Dhcp6ClientSettings(true, pd, rapid, Duration.ofSeconds(10)), transport, clock, timers,
                new Random(7), events);
        return client;
    }

    private Dhcp6Message startAndSolicit(boolean pd, boolean rapid) {
        client(pd, rapid).start();
        timers.advance(Client.SOL_MAX_DELAY);
        return transport.last().message();
    }

    private void deliver(FakeServer answer) {
        client.receive(answer.bytes(), SERVER);
    }

    /** Solicit, one Advertise, Request, Reply: bound at T0 + about 2 s. */
    private Dhcp6Message bind(boolean pd) {
        Dhcp6Message solicit = startAndSolicit(pd, false);
        FakeServer adv = FakeServer.advertise(solicit).address("2001:db8:1::100", 40, 60);
        if (pd) {
            adv.prefix("2001:db8:100::/56", 40, 60);
        }
        deliver(adv);
        timers.advance(Duration.ofMillis(1100));
        Dhcp6Message request = transport.last().message();
        assertEquals(MessageType.REQUEST, request.type());
        FakeServer reply = FakeServer.reply(request).address("2001:db8:1::100", 40, 60);
        if (pd) {
            reply.prefix("2001:db8:100::/56", 40, 60);
        }
        deliver(reply);
        assertEquals(Dhcp6State.BOUND, client.state());
        return request;
    }

    private static final class Client {
        static final Duration SOL_MAX_DELAY = Dhcp6Client.SOL_MAX_DELAY;
    }

    // ---- declining

    @Test
    void declinesAnAddressInUseDropsItAndSolicitsAgainAfterTheReply() {
        bind(false);
        Inet6Address address = IpAddresses.parseIpv6("2001:db8:1::100");
        client.decline(address, "failed duplicate address detection");

        assertEquals(List.of("declined: 2001:db8:1::100 failed duplicate address detection"), events.lost);
        Dhcp6Message decline = transport.last().message();
        assertEquals(MessageType.DECLINE, decline.type());
        assertEquals(FakeServer.SERVER_A, decline.options().decode(OptionCode.SERVERID, ServerIdOption::decode)
                .orElseThrow());
        IaNaOption ia = decline.options().decode(OptionCode.IA_NA, IaNaOption::decode).orElseThrow();
        assertEquals(List.of("2001:db8:1::100"), ia.addresses().stream().map(a -> IpAddresses.format(a.address()))
                .toList());
        assertFalse(decline.options().has(OptionCode.ORO), "section 18.2.8: client and server id, elapsed time, IAs");
        assertEquals(Dhcp6State.DECLINING, client.state());

        int sent = transport.count();
        timers.advance(Duration.ofMillis(1200));
        assertEquals(sent + 1, transport.count(), "retransmitted after DEC_TIMEOUT");
        deliver(FakeServer.reply(transport.last().message()));
        assertEquals(Dhcp6State.SOLICITING, client.state());
        timers.advance(Client.SOL_MAX_DELAY);
        assertEquals(MessageType.SOLICIT, transport.last().message().type());
    }

    @Test
    void aDeclineWithoutAnswerGivesUpAfterFourTriesAndKeepsWhatIsLeft() {
        bind(true);
        client.decline(IpAddresses.parseIpv6("2001:db8:1::100"), "failed duplicate address detection");
        assertTrue(events.lost.isEmpty(), "the delegated prefix is still held");
        assertTrue(events.changed.getLast().addresses().isEmpty());
        int before = transport.count();
        timers.advance(Duration.ofSeconds(17)); // 1 + 2 + 4 + 8 s of retransmission, with jitter
        assertEquals(before + 3, transport.count(), "DEC_MAX_RC is 4 transmissions");
        assertEquals(MessageType.DECLINE, transport.last().message().type());
        assertEquals(Dhcp6State.BOUND, client.state());
        timers.advance(Duration.ofSeconds(10));
        assertEquals(MessageType.RENEW, transport.last().message().type(), "T1 (20 s) comes as before");
    }

    @Test
    void aDeclineOfAnAddressNotHeldDoesNothing() {
        bind(false);
        int sent = transport.count();
        client.decline(IpAddresses.parseIpv6("2001:db8:1::999"), "failed duplicate address detection");
        assertEquals(sent, transport.count());
        assertEquals(Dhcp6State.BOUND, client.state());
    }

    // ---- soliciting

    @Test
    void solicitsToAllServersAfterRandomDelay() {
        client(false, false).start();
        assertEquals(0, transport.count());

        timers.advance(Dhcp6Client.SOL_MAX_DELAY);

        MemoryTransport.Sent s = transport.last();
        assertEquals(MessageType.SOLICIT, s.message().type());
        assertEquals(Dhcp6Client.ALL_SERVERS, s.destination());
        assertEquals("ff02::1:2", IpAddresses.format(s.destination().getAddress()));
        assertEquals(DUID, s.message().options().decode(OptionCode.CLIENTID, ClientIdOption::decode).orElseThrow());
        assertEquals(0x00123456L, s.message().options().decode(OptionCode.IA_NA, IaNaOption::decode).orElseThrow()
                .iaid());
        assertEquals(0, s.message().options().decode(OptionCode.ELAPSED_TIME, ElapsedTimeOption::decode)
                .orElseThrow());
        assertTrue(s.message().options().decode(OptionCode.ORO, OptionRequestOption::decode).orElseThrow().codes()
                .containsAll(List.of(OptionCode.DNS_SERVERS, OptionCode.DOMAIN_LIST, OptionCode.SOL_MAX_RT)));
        assertFalse(s.message().options().has(OptionCode.IA_PD));
        assertFalse(s.message().options().has(OptionCode.RAPID_COMMIT));
    }

    @Test
    void solicitSuggestsTheAddressOfAnEarlierRun() {
        client(false, false).start(List.of(IpAddresses.parseIpv6("2001:db8:1::77")));
        timers.advance(Dhcp6Client.SOL_MAX_DELAY);

        IaNaOption ia = transport.last().message().options().decode(OptionCode.IA_NA, IaNaOption::decode)
                .orElseThrow();
        assertEquals("2001:db8:1::77", IpAddresses.format(ia.addresses().getFirst().address()));
    }

    @Test
    void retransmitsSolicitWithRfcBackoffCappedAtSolMaxRt() {
        startAndSolicit(false, false);
        List<Instant> times = new ArrayList<>();
        int before = 0;
        for (int i = 0; i < 5 * 3600; i++) {
            timers.advance(Duration.ofSeconds(1));
            if (transport.count() != before) {
                before = transport.count();
                times.add(clock.instant());
            }
        }
        // First RT strictly above IRT (1 s) and at most 1.1 s; then doubling +-10 %; capped at 3600 +-10 %.
        Duration first = Duration.between(T0.plus(Dhcp6Client.SOL_MAX_DELAY), times.get(0));
        assertTrue(first.toMillis() >= 1000 && first.toMillis() <= 2000, "first RT " + first);
        for (int i = 1; i < times.size(); i++) {
            long gap = Duration.between(times.get(i - 1), times.get(i)).toSeconds();
            assertTrue(gap <= 3961, "gap " + gap + " s exceeds SOL_MAX_RT + 10 %");
        }
        long lastGap = Duration.between(times.get(times.size() - 2), times.getLast()).toSeconds();
        assertTrue(lastGap >= 3239, "late retransmissions settle near SOL_MAX_RT, got " + lastGap);
        Dhcp6Message later = transport.last().message();
        assertTrue(later.options().decode(OptionCode.ELAPSED_TIME, ElapsedTimeOption::decode).orElseThrow() > 0);
        assertEquals(transport.sent.getFirst().message().transactionId(), later.transactionId(),
                "retransmissions keep the transaction id");
    }

    @Test
    void choosesHighestPreferenceAfterFirstRt() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).server(FakeServer.SERVER_A).preference(10)
                .address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.advertise(solicit).server(FakeServer.SERVER_B).preference(50)
                .address("2001:db8:1::b", 40, 60));
        assertEquals(Dhcp6State.SOLICITING, client.state(), "waits out the first RT collecting Advertises");

        timers.advance(Duration.ofMillis(1100));

        Dhcp6Message request = transport.last().message();
        assertEquals(MessageType.REQUEST, request.type());
        assertEquals(FakeServer.SERVER_B, request.options().decode(OptionCode.SERVERID, ServerIdOption::decode)
                .orElseThrow());
        assertEquals("2001:db8:1::b", IpAddresses.format(request.options().decode(OptionCode.IA_NA,
                IaNaOption::decode).orElseThrow().addresses().getFirst().address()));
        assertTrue(request.transactionId() != solicit.transactionId(), "a new exchange has a new transaction id");
    }

    @Test
    void firstAdvertiseWinsATie() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).server(FakeServer.SERVER_A).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.advertise(solicit).server(FakeServer.SERVER_B).address("2001:db8:1::b", 40, 60));

        timers.advance(Duration.ofMillis(1100));

        assertEquals(FakeServer.SERVER_A, transport.last().message().options()
                .decode(OptionCode.SERVERID, ServerIdOption::decode).orElseThrow());
    }

    @Test
    void takesPreference255AtOnce() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).server(FakeServer.SERVER_B).preference(255)
                .address("2001:db8:1::b", 40, 60));

        assertEquals(Dhcp6State.REQUESTING, client.state());
        assertEquals(MessageType.REQUEST, transport.last().message().type());
    }

    @Test
    void takesFirstAdvertiseAfterFirstRtAtOnce() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        timers.advance(Duration.ofMillis(1200));
        assertEquals(2, transport.count(), "retransmitted once");

        deliver(FakeServer.advertise(solicit).address("2001:db8:1::a", 40, 60));

        assertEquals(MessageType.REQUEST, transport.last().message().type());
    }

    @Test
    void ignoresAdvertiseWithWrongTransactionId() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).xid(solicit.transactionId() ^ 1).address("2001:db8:1::a", 40, 60));
        timers.advance(Duration.ofMillis(1200));

        assertEquals(Dhcp6State.SOLICITING, client.state());
        assertEquals(MessageType.SOLICIT, transport.last().message().type());
        assertTrue(client.lastIgnored().contains("transaction id"), client.lastIgnored());
    }

    @Test
    void ignoresAnswersForAnotherClientOrWithoutServerId() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).client(Duid.linkLayer(MacAddress.parse("02:00:00:00:00:01")))
                .preference(255).address("2001:db8:1::a", 40, 60));
        assertTrue(client.lastIgnored().contains("is for client 00030001020000000001"), client.lastIgnored());

        deliver(FakeServer.advertise(solicit).client(null).preference(255).address("2001:db8:1::a", 40, 60));
        assertTrue(client.lastIgnored().contains("(none)"), client.lastIgnored());

        deliver(FakeServer.advertise(solicit).server(null).preference(255).address("2001:db8:1::a", 40, 60));
        assertTrue(client.lastIgnored().contains("no server identifier"), client.lastIgnored());

        assertEquals(Dhcp6State.SOLICITING, client.state());
    }

    @Test
    void ignoresMalformedDatagramAndAdvertiseWithoutAddresses() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        client.receive(new byte[] {2, 0, 0}, SERVER);
        assertTrue(client.lastIgnored().contains("malformed"), client.lastIgnored());

        deliver(FakeServer.advertise(solicit).preference(255).noAddresses());
        assertTrue(client.lastIgnored().contains("NoAddrsAvail"), client.lastIgnored());
        assertEquals(Dhcp6State.SOLICITING, client.state());
    }

    // ---- requesting and bound

    @Test
    void bindsAndReportsTheLease() {
        bind(false);

        Dhcp6Lease lease = events.changed.getLast();
        Instant boundAt = clock.instant();
        assertEquals("2001:db8:1::100", IpAddresses.format(lease.addresses().getFirst().address()));
        assertEquals(boundAt.plusSeconds(20), lease.renewAt());
        assertEquals(boundAt.plusSeconds(32), lease.rebindAt());
        assertEquals(boundAt.plusSeconds(60), lease.expiresAt());
        assertEquals(List.of(IpAddresses.parseIpv6("2001:db8:53::53")), lease.dns());
        assertEquals(List.of("lab.example"), lease.domains());
        assertEquals(FakeServer.SERVER_A, lease.serverId());
    }

    @Test
    void requestGivesUpAfterTenTransmissionsAndSolicitsAgain() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60));

        timers.advance(Duration.ofMinutes(5));

        long requests = transport.sent.stream().filter(s -> s.message().type() == MessageType.REQUEST).count();
        assertEquals(10, requests, "REQ_MAX_RC");
        assertEquals(MessageType.SOLICIT, transport.last().message().type());
    }

    @Test
    void notOnLinkInReplySolicitsAgain() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).naStatus(StatusCodeOption.NOT_ON_LINK));

        assertEquals(Dhcp6State.SOLICITING, client.state());
    }

    @Test
    void useMulticastResendsToTheGroup() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).unicast("2001:db8::547")
                .address("2001:db8:1::a", 40, 60));
        assertEquals("2001:db8::547", IpAddresses.format(transport.last().destination().getAddress()));

        deliver(FakeServer.reply(transport.last().message()).status(StatusCodeOption.USE_MULTICAST));

        assertEquals(MessageType.REQUEST, transport.last().message().type());
        assertEquals(Dhcp6Client.ALL_SERVERS, transport.last().destination());
    }

    @Test
    void rapidCommitBindsFromTheReplyToSolicit() {
        Dhcp6Message solicit = startAndSolicit(false, true);
        assertTrue(solicit.options().has(OptionCode.RAPID_COMMIT));

        deliver(FakeServer.reply(solicit).rapidCommit().address("2001:db8:1::100", 40, 60));

        assertEquals(Dhcp6State.BOUND, client.state());
        assertEquals(1, transport.count(), "no Request needed");
    }

    @Test
    void replyToSolicitIsIgnoredWithoutRapidCommit() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.reply(solicit).rapidCommit().address("2001:db8:1::100", 40, 60));

        assertEquals(Dhcp6State.SOLICITING, client.state());
        assertTrue(client.lastIgnored().contains("without rapid commit"), client.lastIgnored());
    }

    @Test
    void bindsPrefixAloneWhenNoAddressIsAvailable() {
        Dhcp6Message solicit = startAndSolicit(true, false);
        assertTrue(solicit.options().has(OptionCode.IA_PD));
        deliver(FakeServer.advertise(solicit).preference(255).noAddresses().prefix("2001:db8:100::/56", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).noAddresses().prefix("2001:db8:100::/56", 40, 60));

        Dhcp6Lease lease = client.lease().orElseThrow();
        assertTrue(lease.addresses().isEmpty());
        assertEquals(IpNetwork.parse("2001:db8:100::/56"), lease.prefixes().getFirst().prefix());
    }

    @Test
    void noPrefixAvailStillBindsTheAddress() {
        Dhcp6Message solicit = startAndSolicit(true, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60).noPrefixes());
        deliver(FakeServer.reply(transport.last().message()).address("2001:db8:1::a", 40, 60).noPrefixes());

        Dhcp6Lease lease = client.lease().orElseThrow();
        assertEquals(1, lease.addresses().size());
        assertTrue(lease.prefixes().isEmpty());
    }

    @Test
    void ignoresIaWithT1AboveT2AndKeepsTheRest() {
        Dhcp6Message solicit = startAndSolicit(true, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60)
                .prefix("2001:db8:100::/56", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).timers(50, 25).pdTimers(20, 32)
                .address("2001:db8:1::a", 40, 60).prefix("2001:db8:100::/56", 40, 60));

        Dhcp6Lease lease = client.lease().orElseThrow();
        assertTrue(lease.addresses().isEmpty(), "the IA_NA with T1 > T2 is discarded");
        assertEquals(1, lease.prefixes().size());
        assertEquals(clock.instant().plusSeconds(20), lease.renewAt());
    }

    @Test
    void zeroTimersDefaultToHalfAndEightTenthsOfPreferred() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 100, 200));
        deliver(FakeServer.reply(transport.last().message()).timers(0, 0).address("2001:db8:1::a", 100, 200));

        Dhcp6Lease lease = client.lease().orElseThrow();
        assertEquals(clock.instant().plusSeconds(50), lease.renewAt());
        assertEquals(clock.instant().plusSeconds(80), lease.rebindAt());
    }

    @Test
    void infiniteLifetimesNeverRenewNorExpire() {
        long inf = 0xffff_ffffL;
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", inf, inf));
        deliver(FakeServer.reply(transport.last().message()).timers(inf, inf).address("2001:db8:1::a", inf, inf));

        Dhcp6Lease lease = client.lease().orElseThrow();
        assertNull(lease.renewAt());
        assertNull(lease.rebindAt());
        assertNull(lease.expiresAt());
        assertTrue(timers.nextDue().isEmpty(), "no timer pending");
    }

    @Test
    void zeroPreferredLifetimeDoesNotRenewInALoop() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 0, 300));
        deliver(FakeServer.reply(transport.last().message()).timers(0, 0).address("2001:db8:1::a", 0, 300));

        assertEquals(clock.instant().plusSeconds(150), client.lease().orElseThrow().renewAt(),
                "half the valid lifetime when the preferred one is 0");
        assertEquals(clock.instant().plusSeconds(240), client.lease().orElseThrow().rebindAt());
    }

    // ---- renewing, rebinding, expiry

    @Test
    void renewsAtT1WithTheServerIdAndItsBindings() {
        bind(true);
        Instant boundAt = clock.instant();
        int before = transport.count();

        timers.advance(Duration.ofSeconds(20));

        Dhcp6Message renew = transport.last().message();
        assertEquals(before + 1, transport.count());
        assertEquals(MessageType.RENEW, renew.type());
        assertEquals(Dhcp6Client.ALL_SERVERS, transport.last().destination());
        assertEquals(Dhcp6State.RENEWING, client.state());
        assertEquals(FakeServer.SERVER_A, renew.options().decode(OptionCode.SERVERID, ServerIdOption::decode)
                .orElseThrow());
        assertEquals("2001:db8:1::100", IpAddresses.format(renew.options().decode(OptionCode.IA_NA,
                IaNaOption::decode).orElseThrow().addresses().getFirst().address()));
        assertEquals(IpNetwork.parse("2001:db8:100::/56"), renew.options().decode(OptionCode.IA_PD,
                IaPdOption::decode).orElseThrow().prefixes().getFirst().prefix());
        assertEquals(boundAt.plusSeconds(20), clock.instant());

        deliver(FakeServer.reply(renew).address("2001:db8:1::100", 40, 60).prefix("2001:db8:100::/56", 40, 60));

        assertEquals(Dhcp6State.BOUND, client.state());
        assertEquals(clock.instant().plusSeconds(60), client.lease().orElseThrow().expiresAt());
        assertEquals(2, events.changed.size());
    }

    @Test
    void renewsByUnicastWhenTheServerOffersIt() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).unicast("2001:db8::547")
                .address("2001:db8:1::a", 40, 60));

        timers.advance(Duration.ofSeconds(20));

        assertEquals(MessageType.RENEW, transport.last().message().type());
        assertEquals(new InetSocketAddress(IpAddresses.parseIpv6("2001:db8::547"), 547),
                transport.last().destination());
    }

    @Test
    void rebindsAtT2WhenRenewIsNotAnswered() {
        bind(false);
        Instant boundAt = clock.instant();

        timers.advance(Duration.ofSeconds(32));

        Dhcp6Message rebind = transport.last().message();
        assertEquals(MessageType.REBIND, rebind.type());
        assertEquals(Dhcp6State.REBINDING, client.state());
        assertFalse(rebind.options().has(OptionCode.SERVERID), "Rebind goes to any server");
        assertEquals(Dhcp6Client.ALL_SERVERS, transport.last().destination());
        long renews = transport.sent.stream().filter(s -> s.message().type() == MessageType.RENEW).count();
        assertEquals(2, renews, "Renew at T1 and once more after REN_TIMEOUT (10 s) before T2");
        assertEquals(boundAt.plusSeconds(32), clock.instant());

        deliver(FakeServer.reply(rebind).server(FakeServer.SERVER_B).address("2001:db8:1::100", 40, 60));

        assertEquals(Dhcp6State.BOUND, client.state());
        assertEquals(FakeServer.SERVER_B, client.lease().orElseThrow().serverId());
    }

    @Test
    void dropsTheLeaseAtTheEndOfItsValidLifetimeAndSolicitsAgain() {
        bind(false);

        timers.advance(Duration.ofSeconds(60));

        assertEquals(List.of("valid lifetime ended"), events.lost);
        assertTrue(client.lease().isEmpty());
        timers.advance(Duration.ofSeconds(2));
        assertEquals(MessageType.SOLICIT, transport.last().message().type());
        assertEquals(Dhcp6State.SOLICITING, client.state());
    }

    @Test
    void dropsOneAddressWhenItsLifetimeEndsAndKeepsTheOther() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).timers(100, 160)
                .address("2001:db8:1::a", 20, 30).address("2001:db8:1::b", 200, 300));
        assertEquals(clock.instant().plusSeconds(160), client.lease().orElseThrow().rebindAt());

        timers.advance(Duration.ofSeconds(31));

        Dhcp6Lease lease = events.changed.getLast();
        assertEquals(1, lease.addresses().size());
        assertEquals("2001:db8:1::b", IpAddresses.format(lease.addresses().getFirst().address()));
        assertTrue(events.lost.isEmpty());
    }

    @Test
    void aServerT1OfZeroSecondsIsRaisedToTheMinimum() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).timers(0, 0).address("2001:db8:1::a", 1, 60));

        assertEquals(clock.instant().plus(Dhcp6Lease.MIN_RENEW), client.lease().orElseThrow().renewAt());
    }

    @Test
    void timersNeverPassTheEndOfTheLastLifetime() {
        Dhcp6Message solicit = startAndSolicit(false, false);
        deliver(FakeServer.advertise(solicit).preference(255).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).timers(1000, 2000).address("2001:db8:1::a", 20, 30));

        Dhcp6Lease lease = client.lease().orElseThrow();
        assertEquals(clock.instant().plusSeconds(30), lease.renewAt());
        assertEquals(clock.instant().plusSeconds(30), lease.rebindAt());
        assertEquals(clock.instant().plusSeconds(30), lease.expiresAt());
    }

    @Test
    void noBindingOnRenewRequestsTheBindingsAgain() {
        bind(false);
        timers.advance(Duration.ofSeconds(20));

        deliver(FakeServer.reply(transport.last().message()).naStatus(StatusCodeOption.NO_BINDING));

        Dhcp6Message request = transport.last().message();
        assertEquals(MessageType.REQUEST, request.type());
        assertEquals(Dhcp6State.REQUESTING, client.state());
        assertEquals("2001:db8:1::100", IpAddresses.format(request.options().decode(OptionCode.IA_NA,
                IaNaOption::decode).orElseThrow().addresses().getFirst().address()));
    }

    @Test
    void renewReplyWithZeroLifetimesWithdrawsTheLease() {
        bind(false);
        timers.advance(Duration.ofSeconds(20));

        deliver(FakeServer.reply(transport.last().message()).address("2001:db8:1::100", 0, 0));

        assertEquals(1, events.lost.size());
        assertTrue(events.lost.getFirst().startsWith("withdrawn by the server"), events.lost.getFirst());
        assertEquals(Dhcp6State.SOLICITING, client.state());
    }

    @Test
    void linkChangeRebindsAtOnce() {
        bind(false);

        client.linkChanged();

        assertEquals(MessageType.REBIND, transport.last().message().type());
    }

    // ---- no server

    @Test
    void reportsSlaacOnlyOnceWhenNoServerAnswersAndKeepsSoliciting() {
        startAndSolicit(false, false);

        timers.advance(Duration.ofSeconds(10));

        assertEquals(1, events.noServer.size());
        assertTrue(events.noServer.getFirst().contains("SLAAC only"), events.noServer.getFirst());
        assertTrue(client.slaacOnly());
        int sent = transport.count();
        timers.advance(Duration.ofHours(3));
        assertEquals(1, events.noServer.size(), "said once");
        assertTrue(transport.count() > sent, "still soliciting in the background");
        assertEquals(Dhcp6State.SOLICITING, client.state());
    }

    @Test
    void aServerThatAppearsLaterEndsSlaacOnly() {
        startAndSolicit(false, false);
        timers.advance(Duration.ofMinutes(30));
        assertTrue(client.slaacOnly());
        Dhcp6Message solicit = transport.last().message();

        deliver(FakeServer.advertise(solicit).address("2001:db8:1::a", 40, 60));
        deliver(FakeServer.reply(transport.last().message()).address("2001:db8:1::a", 40, 60));

        assertEquals(Dhcp6State.BOUND, client.state());
        assertFalse(client.slaacOnly());
    }

    @Test
    void failedSendsAreRetriedByRetransmission() {
        transport.failSends = true;
        client(false, false).start();
        timers.advance(Duration.ofSeconds(2));
        assertEquals(0, transport.count());

        transport.failSends = false;
        timers.advance(Duration.ofSeconds(3));

        assertEquals(MessageType.SOLICIT, transport.last().message().type());
    }

    @Test
    void closeStopsEverything() {
        bind(false);
        client.close();
        int sent = transport.count();

        timers.advance(Duration.ofHours(1));

        assertEquals(sent, transport.count());
        assertEquals(Dhcp6State.STOPPED, client.state());
        assertTrue(timers.nextDue().isEmpty());
    }
}
