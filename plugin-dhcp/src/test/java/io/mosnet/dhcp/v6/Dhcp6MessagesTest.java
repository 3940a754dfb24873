package io.mosnet.dhcp.v6;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.v6.wire.Captured;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire, byte for byte (kea-dhcp6 2.2 accepted these in Dhcp6NamespaceTest). */
class Dhcp6MessagesTest {

    private static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Dhcp6Identity ID = Dhcp6Identity.of(Duid.linkLayer(MAC), MAC);
    private static final Dhcp6ClientSettings PD_RAPID = new Dhcp6ClientSettings(true, true, true,
            Duration.ofSeconds(10));
    private static final String CLIENTID = "0001000a 00030001525400123456";
    private static final String ORO = "00060006 0017 0018 0052";
    private static final String KEA_SERVERID = "0002000c 0002000009bf6d6f736e6574";
    private static final String IA_NA_HELD = "00030028 00123456 00000000 00000000"
            + " 00050018 20010db8000100000000000000000100 00000000 00000000";
    private static final String IA_PD_HELD = "00190029 00123456 00000000 00000000"
            + " 001a0019 00000000 00000000 38 20010db8010000000000000000000000";

    @Test
    void solicitAsksForAnAddressAPrefixAndRapidCommit() {
        Dhcp6Message m = Dhcp6Messages.solicit(0x123456, ID, PD_RAPID, Duration.ZERO);

        assertArrayEquals(hex("01123456 " + CLIENTID + " 00080002 0000 " + ORO + " 000e0000"
                + " 0003000c 00123456 00000000 00000000 0019000c 00123456 00000000 00000000"), m.encode());
    }

    @Test
    void requestEchoesTheServerAndWhatItAdvertised() {
        Dhcp6Message m = Dhcp6Messages.request(0xabcdef, ID, PD_RAPID,
                Duid.parse(hex("0002000009bf6d6f736e6574")), List.of(IpAddresses.parseIpv6("2001:db8:1::100")),
                List.of(IpNetwork.parse("2001:db8:100::/56")), Duration.ofMillis(1230));

        assertArrayEquals(hex("03abcdef " + CLIENTID + " " + KEA_SERVERID + " 00080002 007b " + ORO + " "
                + IA_NA_HELD + " " + IA_PD_HELD), m.encode());
    }

    @Test
    void renewAndRebindCarryTheBindingsFromKeasReply() {
        Dhcp6Message keaReply = Dhcp6Message.parse(Captured.keaReply());
        ReplyContent c = ReplyContent.read(keaReply, 0x45de0fa1L);
        Dhcp6Lease lease = Dhcp6Lease.from(c, IpAddresses.parseIpv6("fe80::1"), Instant.EPOCH, null);

        assertArrayEquals(hex("05000001 " + CLIENTID + " " + KEA_SERVERID + " 00080002 0000 " + ORO + " "
                + IA_NA_HELD + " " + IA_PD_HELD), Dhcp6Messages.renew(1, ID, PD_RAPID, lease, Duration.ZERO)
                .encode());
        assertArrayEquals(hex("06000002 " + CLIENTID + " 00080002 0000 " + ORO + " " + IA_NA_HELD + " "
                + IA_PD_HELD), Dhcp6Messages.rebind(2, ID, PD_RAPID, lease, Duration.ZERO).encode());
    }
}
