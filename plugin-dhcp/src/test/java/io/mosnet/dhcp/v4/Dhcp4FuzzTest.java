package io.mosnet.dhcp.v4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.message.DhcpOptions;
import io.mosnet.dhcp.v4.message.EthernetFrameCodec;
import io.mosnet.dhcp.v4.option.ClasslessRoutesOption;
import io.mosnet.dhcp.v4.option.ClientIdentifierOption;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.DnsServersOption;
import io.mosnet.dhcp.v4.option.DomainNameOption;
import io.mosnet.dhcp.v4.option.DomainSearchOption;
import io.mosnet.dhcp.v4.option.HostnameOption;
import io.mosnet.dhcp.v4.option.InterfaceMtuOption;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.ParameterRequestListOption;
import io.mosnet.dhcp.v4.option.ServerMessageOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * Fuzz targets for everything that reads bytes from the network: whatever the input, only
 * {@link DhcpParseException} may come out. A plain build replays the committed corpus under
 * {@code src/test/resources/io/mosnet/dhcp/v4/Dhcp4FuzzTestInputs/<method>/} as regression tests; run with
 * {@code JAZZER_FUZZ=1 mvn verify -pl plugin-dhcp -Djazzer.hooks=true -Dtest=Dhcp4FuzzTest#parsesFrames} to fuzz one
 * target for up to two minutes; findings land beside the corpus as {@code crash-*} files.
 */
class Dhcp4FuzzTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @FuzzTest(maxDuration = "2m")
    void parsesMessages(byte[] data) {
        DhcpMessage m;
        try {
            m = DhcpMessage.parse(data);
        } catch (DhcpParseException expected) {
            return;
        }
        decodeEverything(m.options());
        quietly(m::type);
        quietly(m::serverId);
        quietly(() -> Dhcp4Lease.from(m, NOW, true));
        quietly(() -> Dhcp4Lease.from(m, NOW, false));
        m.toString();
    }

    @FuzzTest(maxDuration = "2m")
    void parsesFrames(byte[] data) {
        try {
            EthernetFrameCodec.parse(data);
        } catch (DhcpParseException expected) {
            // the only exception allowed
        }
    }

    /** The first byte picks the option, the rest is its data, so each decoder gets fuzzed directly. */
    @FuzzTest(maxDuration = "2m")
    void decodesOptions(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        int code = data[0] & 0xff;
        DhcpOptions o = DhcpOptions.builder().put(code == 0 || code == 255 ? OptionCode.DOMAIN_SEARCH : code, body)
                .build();
        decodeEverything(o);
    }

    private static void decodeEverything(DhcpOptions o) {
        quietly(() -> o.decode(OptionCode.DOMAIN_SEARCH, DomainSearchOption::decode));
        quietly(() -> o.decode(OptionCode.CLASSLESS_ROUTES, ClasslessRoutesOption::decode));
        quietly(() -> o.decode(OptionCode.DNS_SERVERS, DnsServersOption::decode));
        quietly(() -> o.decode(OptionCode.DOMAIN_NAME, DomainNameOption::decode));
        quietly(() -> o.decode(OptionCode.HOSTNAME, HostnameOption::decode));
        quietly(() -> o.decode(OptionCode.INTERFACE_MTU, InterfaceMtuOption::decode));
        quietly(() -> o.decode(OptionCode.CLIENT_ID, ClientIdentifierOption::decode));
        quietly(() -> o.decode(OptionCode.PARAMETER_REQUEST_LIST, ParameterRequestListOption::decode));
        quietly(() -> o.decode(OptionCode.MESSAGE, ServerMessageOption::decode));
    }

    private static void quietly(java.util.function.Supplier<?> decode) {
        try {
            decode.get();
        } catch (DhcpParseException expected) {
            // the only exception allowed
        }
    }
}
