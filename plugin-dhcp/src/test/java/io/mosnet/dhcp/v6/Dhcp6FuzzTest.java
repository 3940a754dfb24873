package io.mosnet.dhcp.v6;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.time.ManualClock;
import io.mosnet.dhcp.time.ManualTimers;
import io.mosnet.dhcp.v6.wire.ClientIdOption;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.Dhcp6Options;
import io.mosnet.dhcp.v6.wire.Dhcp6ParseException;
import io.mosnet.dhcp.v6.wire.DnsServersOption;
import io.mosnet.dhcp.v6.wire.DomainListOption;
import io.mosnet.dhcp.v6.wire.ElapsedTimeOption;
import io.mosnet.dhcp.v6.wire.IaAddressOption;
import io.mosnet.dhcp.v6.wire.IaNaOption;
import io.mosnet.dhcp.v6.wire.IaPdOption;
import io.mosnet.dhcp.v6.wire.IaPrefixOption;
import io.mosnet.dhcp.v6.wire.OptionRequestOption;
import io.mosnet.dhcp.v6.wire.PreferenceOption;
import io.mosnet.dhcp.v6.wire.RapidCommitOption;
import io.mosnet.dhcp.v6.wire.ServerIdOption;
import io.mosnet.dhcp.v6.wire.SolMaxRtOption;
import io.mosnet.dhcp.v6.wire.StatusCodeOption;
import io.mosnet.dhcp.v6.wire.UnicastOption;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Fuzz targets for everything that reads bytes from the network: whatever the input, the codec lets only
 * {@link Dhcp6ParseException} out, and the client swallows everything (it logs and ignores). A plain build replays
 * the committed corpus under {@code src/test/resources/io/mosnet/dhcp/v6/Dhcp6FuzzTestInputs/<method>/} as
 * regression tests; run with {@code JAZZER_FUZZ=1} to fuzz and grow it.
 */
class Dhcp6FuzzTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Inet6Address FROM = IpAddresses.parseIpv6("fe80::1");
    private static final List<Function<byte[], ?>> DECODERS = List.of(ClientIdOption::decode,
            ServerIdOption::decode, IaNaOption::decode, IaAddressOption::decode, IaPdOption::decode,
            IaPrefixOption::decode, OptionRequestOption::decode, PreferenceOption::decode,
            ElapsedTimeOption::decode, UnicastOption::decode, StatusCodeOption::decode, RapidCommitOption::decode,
            DnsServersOption::decode, DomainListOption::decode, SolMaxRtOption::decode);

    @FuzzTest(maxDuration = "60s")
    void parsesMessages(byte[] data) {
        Dhcp6Message m;
        try {
            m = Dhcp6Message.parse(data);
        } catch (Dhcp6ParseException expected) {
            return;
        }
        m.toString();
        ReplyContent c;
        try {
            c = ReplyContent.read(m, 0x00123456L);
        } catch (Dhcp6ParseException expected) {
            return;
        }
        // Building a lease never throws: every field was checked on the way in.
        Dhcp6Lease first = Dhcp6Lease.from(c, FROM, NOW, null);
        Dhcp6Lease.from(c, FROM, NOW.plusSeconds(30), first).withoutExpired(NOW.plusSeconds(90)).toString();
    }

    /** The first byte picks a decoder, the rest is the option's data, so each decoder is fuzzed directly. */
    @FuzzTest(maxDuration = "60s")
    void decodesOptions(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Function<byte[], ?> decoder = DECODERS.get((data[0] & 0xff) % DECODERS.size());
        try {
            decoder.apply(Arrays.copyOfRange(data, 1, data.length));
        } catch (Dhcp6ParseException expected) {
            // the only exception allowed
        }
        try {
            Dhcp6Options.parse(data, "fuzz");
        } catch (Dhcp6ParseException expected) {
            // the only exception allowed
        }
    }

    /**
     * Feeds the input to a soliciting client as an answer with the right transaction id and client id patched in,
     * so that the fuzzer gets past the first checks into selection, binding and the lease timers.
     */
    @FuzzTest(maxDuration = "60s")
    void drivesTheClient(byte[] data) {
        ManualClock clock = new ManualClock(NOW);
        ManualTimers timers = new ManualTimers(clock);
        MemoryTransport transport = new MemoryTransport();
        Dhcp6Client client = new Dhcp6Client("fuzz", Dhcp6Identity.of(Duid.linkLayer(MAC), MAC),
                new Dhcp6ClientSettings(true, true, true, Duration.ofSeconds(10)), transport, clock, timers,
                new Random(1), new Dhcp6Events() {
                    @Override
                    public void leaseChanged(Dhcp6Lease lease) {
                    }

                    @Override
                    public void leaseLost(Dhcp6Lease lease, String reason) {
                    }

                    @Override
                    public void noServer(String message) {
                    }
                });
        client.start();
        timers.advance(Duration.ofSeconds(1));
        InetSocketAddress from = new InetSocketAddress(FROM, 547);
        for (int round = 0; round < 3 && transport.count() > 0; round++) {
            int xid = transport.last().message().transactionId();
            byte[] patched = data.clone();
            if (patched.length >= 4) {
                patched[1] = (byte) (xid >>> 16);
                patched[2] = (byte) (xid >>> 8);
                patched[3] = (byte) xid;
            }
            client.receive(patched, from);
            timers.advance(Duration.ofSeconds(1 + (data.length > 0 ? data[0] & 0x3f : 0)));
        }
        timers.advance(Duration.ofDays(2));
        client.close();
    }
}
