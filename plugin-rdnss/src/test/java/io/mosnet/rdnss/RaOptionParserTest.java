package io.mosnet.rdnss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RaOptionParserTest {

    private static final Inet6Address NS1 = IpAddresses.parseIpv6("2001:db8:1::53");
    private static final Inet6Address NS2 = IpAddresses.parseIpv6("2001:db8:1::54");

    @Test
    void readsRdnssAndDnsslFromRadvdAdvertisement() {
        RaOptions o = RaOptionParser.parse(RaBytes.radvdOptions());

        assertEquals(List.of(new RdnssOption(600, List.of(NS1, NS2))), o.rdnss());
        assertEquals(List.of(new DnsslOption(600, List.of("example.com", "lab.example.org"))), o.dnssl());
        assertEquals(List.of(), o.ignored());
    }

    @Test
    void readsSingleOptionsAsTheKernelForwardsThem() {
        // The kernel sends one RTM_NEWNDUSEROPT per user option: RDNSS at 32..72, DNSSL at 72..112.
        byte[] all = RaBytes.radvdOptions();

        RaOptions rdnss = RaOptionParser.parse(Arrays.copyOfRange(all, 32, 72));
        RaOptions dnssl = RaOptionParser.parse(Arrays.copyOfRange(all, 72, 112));

        assertEquals(List.of(NS1, NS2), rdnss.rdnss().getFirst().servers());
        assertTrue(rdnss.dnssl().isEmpty());
        assertEquals(List.of("example.com", "lab.example.org"), dnssl.dnssl().getFirst().domains());
    }

    @Test
    void rejectsMessageWithZeroLengthOption() {
        byte[] b = RaBytes.options().rdnss(600, "2001:db8::1").raw(0x19, 0, 0, 0, 0, 0, 0, 0).bytes();

        RaOptionException e = assertThrows(RaOptionException.class, () -> RaOptionParser.parse(b));
        assertEquals("ND option type 25 at offset 24 has length 0; RFC 4861 §4.6 says to discard the message",
                e.getMessage());
    }

    @Test
    void rejectsOptionRunningPastEnd() {
        byte[] full = RaBytes.options().rdnss(600, "2001:db8::1", "2001:db8::2").bytes();
        byte[] cut = Arrays.copyOf(full, full.length - 8);

        RaOptionException e = assertThrows(RaOptionException.class, () -> RaOptionParser.parse(cut));
        assertEquals("ND option type 25 at offset 0 claims 40 octets but only 32 remain", e.getMessage());
    }

    @Test
    void rejectsLoneOctetAfterLastOption() {
        byte[] b = RaBytes.options().raw(RaBytes.radvdOptions()).raw(0x19).bytes();

        RaOptionException e = assertThrows(RaOptionException.class, () -> RaOptionParser.parse(b));
        assertEquals("ND option at offset 120 has 1 octet(s), too few for its type and length", e.getMessage());
    }

    @Test
    void rejectsMissingOptions() {
        assertThrows(RaOptionException.class, () -> RaOptionParser.parse(null));
        assertThrows(RaOptionException.class, () -> RaOptionParser.parse(new byte[70_000]));
    }

    @Test
    void parsesNoOptionsToNothing() {
        RaOptions o = RaOptionParser.parse(new byte[0]);

        assertTrue(o.isEmpty());
    }

    @Test
    void dropsRdnssTooShortForAnAddressButKeepsTheRest() {
        byte[] b = RaBytes.options().raw(0x19, 2, 0, 0, 0, 0, 2, 0x58).raw(new byte[8])
                .dnssl(600, "example.com").bytes();

        RaOptions o = RaOptionParser.parse(b);

        assertTrue(o.rdnss().isEmpty());
        assertEquals(List.of("example.com"), o.dnssl().getFirst().domains());
        assertEquals(List.of("RDNSS option at offset 0 has length 2, below the minimum of 3 that holds one address "
                + "(RFC 8106 §5.1)"), o.ignored());
    }

    @Test
    void dropsDnsslOfLengthOne() {
        RaOptions o = RaOptionParser.parse(RaBytes.options().raw(0x1f, 1, 0, 0, 0, 0, 0, 60).bytes());

        assertTrue(o.dnssl().isEmpty());
        assertEquals(1, o.ignored().size());
    }

    @Test
    void derivesAddressCountFromLength() {
        // Length 4 is one address and 8 spare octets: (4 - 1) / 2 = 1.
        byte[] b = RaBytes.options().raw(0x19, 4, 0, 0, 0, 0, 0, 60).raw(NS1.getAddress()).raw(NS2.getAddress())
                .bytes();
        b = Arrays.copyOf(b, 32);

        RaOptions o = RaOptionParser.parse(b);

        assertEquals(List.of(new RdnssOption(60, List.of(NS1))), o.rdnss());
    }

    @Test
    void readsInfiniteLifetime() {
        RaOptions o = RaOptionParser.parse(RaBytes.options().rdnss(0xffff_ffffL, "2001:db8::1").bytes());

        assertEquals(Lifetime.INFINITE, o.rdnss().getFirst().lifetime());
    }

    @Test
    void leavesOutAddressesThatCannotBeServers() {
        byte[] b = RaBytes.options().rdnss(600, "::", "::1", "ff02::1", "::ffff:10.0.0.1", "2001:db8::1",
                "2001:db8::1").bytes();

        RaOptions o = RaOptionParser.parse(b);

        assertEquals(List.of(IpAddresses.parseIpv6("2001:db8::1")), o.rdnss().getFirst().servers());
        assertEquals(4, o.ignored().size());
    }

    @Test
    void keepsLinkLocalServers() {
        RaOptions o = RaOptionParser.parse(RaBytes.options().rdnss(600, "fe80::1").bytes());

        assertEquals(List.of(IpAddresses.parseIpv6("fe80::1")), o.rdnss().getFirst().servers());
    }

    @Test
    void readsLargestRdnssOption() {
        // Length 255 is the most an option can say: 127 addresses.
        String[] servers = new String[127];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = "2001:db8::" + Integer.toHexString(i + 1);
        }

        RaOptions o = RaOptionParser.parse(RaBytes.options().rdnss(600, servers).bytes());

        assertEquals(127, o.rdnss().getFirst().servers().size());
    }

    @Test
    void readsMessageFullOfOptionsWithinItsLength() {
        RaBytes many = RaBytes.options();
        for (int i = 0; i < 2700; i++) {
            many.rdnss(600, "2001:db8::" + Integer.toHexString(i + 1));
        }

        RaOptions o = RaOptionParser.parse(many.bytes());

        assertEquals(2700, o.rdnss().size());
    }

    @Test
    void dropsDnsslWithCompressionPointer() {
        // "lab" followed by a pointer to offset 12, as a DNS message would compress it.
        byte[] names = {3, 'l', 'a', 'b', (byte) 0xc0, 12};

        RaOptions o = RaOptionParser.parse(RaBytes.options().dnsslRaw(600, names).rdnss(600, "2001:db8::1").bytes());

        assertTrue(o.dnssl().isEmpty());
        assertEquals(1, o.rdnss().size());
        assertEquals(List.of("DNSSL option at offset 0: compression pointer at offset 12, which RFC 8106 §5.2 does "
                + "not allow"), o.ignored());
    }

    @Test
    void dropsDnsslWithLabelOver63() {
        byte[] names = new byte[66];
        names[0] = 64;
        Arrays.fill(names, 1, 65, (byte) 'a');

        RaOptions o = RaOptionParser.parse(RaBytes.options().dnsslRaw(600, names).bytes());

        assertTrue(o.dnssl().isEmpty());
        assertTrue(o.ignored().getFirst().contains("label of length 64"), o.ignored().toString());
    }

    @Test
    void dropsDnsslWithNameOver255() {
        // Four 63-octet labels: 4 * 64 + 1 = 257 octets on the wire.
        String label = "a".repeat(63);

        RaOptions o = RaOptionParser.parse(RaBytes.options()
                .dnssl(600, label + "." + label + "." + label + "." + label).bytes());

        assertTrue(o.dnssl().isEmpty());
        assertTrue(o.ignored().getFirst().contains("exceeds 255 octets"), o.ignored().toString());
    }

    @Test
    void acceptsNameOfExactly255() {
        // 3 * 64 + 62 + 1 = 255 octets on the wire.
        String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);

        RaOptions o = RaOptionParser.parse(RaBytes.options().dnssl(600, name).bytes());

        assertEquals(List.of(name), o.dnssl().getFirst().domains());
    }

    @Test
    void dropsDnsslWhoseLabelRunsPastTheOption() {
        // Option of length 2: 8 octets of names, the label claims 20.
        byte[] names = {20, 'e', 'x', 'a', 'm', 'p', 'l', 'e'};

        RaOptions o = RaOptionParser.parse(RaBytes.options().dnsslRaw(600, names).bytes());

        assertTrue(o.dnssl().isEmpty());
        assertTrue(o.ignored().getFirst().contains("runs past the end of the option"), o.ignored().toString());
    }

    @Test
    void dropsDnsslWhoseNameHasNoEnd() {
        // Labels fill the option exactly and no zero octet closes the name.
        byte[] names = {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e'};

        RaOptions o = RaOptionParser.parse(RaBytes.options().dnsslRaw(600, names).bytes());

        assertTrue(o.dnssl().isEmpty());
        assertTrue(o.ignored().getFirst().contains("runs past the end of the option"), o.ignored().toString());
    }

    @Test
    void leavesOutDomainsThatWouldBreakResolvConf() {
        RaOptions o = RaOptionParser.parse(RaBytes.options()
                .dnssl(600, "good.example", "evil\nnameserver 192.0.2.1.example", "a b.example", "Ok-_1.Example")
                .bytes());

        assertEquals(List.of("good.example", "ok-_1.example"), o.dnssl().getFirst().domains());
        assertEquals(2, o.ignored().size());
    }

    @Test
    void deduplicatesWithinAnOption() {
        RaOptions o = RaOptionParser.parse(RaBytes.options().dnssl(600, "example.com", "EXAMPLE.com").bytes());

        assertEquals(List.of("example.com"), o.dnssl().getFirst().domains());
    }

    @Test
    void throwsNothingButItsOwnExceptionOnRandomInput() {
        Random random = new Random(8106);
        byte[] seed = RaBytes.radvdOptions();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = i % 2 == 0 ? mutate(seed, random) : randomOptions(random);
            try {
                RaOptions o = RaOptionParser.parse(b);
                o.rdnss().forEach(r -> assertTrue(r.servers().size() <= 127));
            } catch (RaOptionException expected) {
                // dropping the message is an allowed outcome
            }
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = random.nextInt(8) == 0 ? Arrays.copyOf(seed, random.nextInt(seed.length + 16)) : seed.clone();
        int flips = 1 + random.nextInt(6);
        for (int f = 0; f < flips && b.length > 0; f++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static byte[] randomOptions(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int options = random.nextInt(6);
        for (int i = 0; i < options; i++) {
            int units = random.nextInt(12);
            out.write(random.nextBoolean() ? RdnssOption.TYPE : DnsslOption.TYPE);
            out.write(units);
            byte[] body = new byte[Math.max(0, units * 8 - 2 - (random.nextInt(10) == 0 ? 3 : 0))];
            random.nextBytes(body);
            if (random.nextBoolean()) {
                // Mostly small label lengths, so that names get parsed deep rather than rejected at once.
                for (int j = 6; j < body.length; j++) {
                    body[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(12));
                }
            }
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
