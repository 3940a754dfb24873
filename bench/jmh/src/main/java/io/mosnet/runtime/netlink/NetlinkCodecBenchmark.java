package io.mosnet.runtime.netlink;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rtnetlink codecs on messages captured from the kernel (6.18, x86_64; the same bytes as
 * KernelMessageDecodingTest): a bridge's RTM_NEWLINK with full statistics, an RTM_NEWADDR, a route dump of four
 * routes, and the encoding of an RTM_NEWADDR request. The class sits in the codecs' package, which they do not
 * export, and runs on the class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetlinkCodecBenchmark {

    private static final String NEWADDR_V4 = ""
            + "4c0000001400020002000000af2500000218800002000000080001000a000001080002000a000001"
            + "0800030062723000080008008000000014000600ffffffffffffffff1c0701001c070100";
    private static final String ROUTE_DUMP = ""
            + "3c00000018000200030000000126000002000000fe0300011400000008000f00fe0000000800060064000000080005000a0000fe0800040002000000"
            + "3c00000018000200030000000126000002180000fe02fd011000000008000f00fe000000080001000a000000080007000a0000010800040002000000"
            + "3c00000018000200030000000126000002200000ff02fe020000000008000f00ff000000080001000a000001080007000a0000010800040002000000"
            + "3c00000018000200030000000126000002200000ff02fd031000000008000f00ff000000080001000a0000ff080007000a0000010800040002000000"
            + "1400000003000200030000000126000000000000";

    private byte[] newLink;
    private byte[] newAddr;
    private byte[] routeDump;
    private final IpNetwork network = IpNetwork.parse("10.77.0.123/24");

    @Setup
    public void setUp() {
        newLink = resource("newlink-bridge.hex");
        newAddr = HexFormat.of().parseHex(NEWADDR_V4);
        routeDump = HexFormat.of().parseHex(ROUTE_DUMP);
    }

    @Benchmark
    public Link decodeLink() {
        return LinkCodec.decode(NetlinkMessage.decodeAll(newLink).get(0));
    }

    @Benchmark
    public Address decodeAddress() {
        return AddressCodec.decode(NetlinkMessage.decodeAll(newAddr).get(0));
    }

    /** A dump datagram: four RTM_NEWROUTE messages and NLMSG_DONE. */
    @Benchmark
    public List<Route> decodeRouteDump() {
        List<Route> routes = new ArrayList<>();
        for (NetlinkMessage m : NetlinkMessage.decodeAll(routeDump)) {
            if (m.type() == Rtnl.RTM_NEWROUTE) {
                routes.add(RouteCodec.decode(m));
            }
        }
        return routes;
    }

    /** The request as it goes to the socket: attributes, then the header. */
    @Benchmark
    public byte[] encodeAddressAdd() {
        return AddressCodec.add(3, network, Set.of()).toMessage(42).encode();
    }

    private static byte[] resource(String name) {
        try (InputStream in = NetlinkCodecBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("\\s", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
