package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.v6.wire.Captured;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.MessageType;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dhcp6LeaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Inet6Address FROM = IpAddresses.parseIpv6("fe80::1");

    private static Dhcp6Lease keaLease(Instant at) {
        return Dhcp6Lease.from(ReplyContent.read(Dhcp6Message.parse(Captured.keaReply()), 0x45de0fa1L), FROM, at,
                null);
    }

    @Test
    void readsKeasReply() {
        Dhcp6Lease lease = keaLease(NOW);

        assertEquals(List.of(IpAddresses.parseIpv6("2001:db8:1::100")),
                lease.addresses().stream().map(Dhcp6Lease.LeasedAddress::address).toList());
        assertEquals(IpNetwork.parse("2001:db8:100::/56"), lease.prefixes().getFirst().prefix());
        assertEquals(NOW.plusSeconds(40), lease.prefixes().getFirst().preferredUntil());
        assertEquals(NOW.plusSeconds(20), lease.renewAt());
        assertEquals(NOW.plusSeconds(32), lease.rebindAt());
        assertEquals(NOW.plusSeconds(60), lease.expiresAt());
        assertEquals(List.of("lab.example", "example.org"), lease.domains());
        assertEquals("0002000009bf6d6f736e6574", lease.serverId().hex());
    }

    @Test
    void anIaWithAnotherIaidIsNotOurs() {
        ReplyContent c = ReplyContent.read(Dhcp6Message.parse(Captured.keaReply()), 0x1L);

        assertNull(c.iaNa());
        assertNull(c.iaPd());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("is not ours")), c.notes().toString());
    }

    @Test
    void aRenewalKeepsWhatTheServerDidNotMention() {
        Dhcp6Lease before = keaLease(NOW);
        Dhcp6Message request = Dhcp6Messages.solicit(1, Dhcp6Identity.of(
                Duid.linkLayer(MacAddress.parse("ca:f6:45:de:0f:a1")),
                MacAddress.parse("00:00:45:de:0f:a1")),
                new Dhcp6ClientSettings(true, true, false, Duration.ofSeconds(1)), Duration.ZERO);
        Dhcp6Message reply = Dhcp6Message.parse(FakeServer.reply(request).address("2001:db8:1::100", 40, 60)
                .withoutIaNa().prefix("2001:db8:200::/56", 40, 60).bytes());

        Dhcp6Lease after = Dhcp6Lease.from(ReplyContent.read(reply, 0x45de0fa1L), FROM, NOW.plusSeconds(20),
                before);

        assertEquals(1, after.addresses().size(), "the address the server did not mention stays");
        assertEquals(before.addresses().getFirst(), after.addresses().getFirst());
        assertEquals(List.of(IpNetwork.parse("2001:db8:200::/56"), IpNetwork.parse("2001:db8:100::/56")),
                after.prefixes().stream().map(Dhcp6Lease.LeasedPrefix::prefix).toList());
        assertEquals(MessageType.REPLY, reply.type());
    }

    @Test
    void withoutExpiredDropsOnlyWhatEnded() {
        Dhcp6Lease lease = keaLease(NOW);

        assertSame(lease, lease.withoutExpired(NOW.plusSeconds(59)));
        assertTrue(lease.withoutExpired(NOW.plusSeconds(60)).isEmpty());
    }

    @Test
    void timesOutOfOrderAreRefused() {
        assertThrows(IllegalStateException.class, () -> new Dhcp6Lease(null, FROM, null, List.of(), List.of(),
                List.of(), List.of(), NOW, NOW.plusSeconds(30), NOW.plusSeconds(20), NOW.plusSeconds(60)));
    }
}
