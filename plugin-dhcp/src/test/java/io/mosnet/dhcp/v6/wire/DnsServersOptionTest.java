package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.IpAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsServersOptionTest {

    @Test
    void readsKeaServers() {
        DnsServersOption d = Dhcp6Message.parse(Captured.keaReply()).options()
                .decode(OptionCode.DNS_SERVERS, DnsServersOption::decode).orElseThrow();

        assertEquals(List.of(IpAddresses.parseIpv6("2001:db8:53::53")), d.servers());
    }

    @Test
    void rejectsLengthNotMultipleOf16() {
        assertRejected("not a multiple of 16", () -> DnsServersOption.decode(new byte[17]));
    }

    @Test
    void capsTheNumberOfServers() {
        assertEquals(DnsServersOption.MAX_SERVERS, DnsServersOption.decode(new byte[16 * 100]).servers().size());
    }

    @Test
    void roundTrips() {
        byte[] wire = hex("20010db8005300000000000000000053 fe800000000000000000000000000001");
        assertArrayEquals(wire, DnsServersOption.decode(wire).encode());
    }
}
