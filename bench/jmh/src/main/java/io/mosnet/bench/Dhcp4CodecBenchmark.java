package io.mosnet.bench;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.message.DhcpOptions;
import io.mosnet.dhcp.v4.message.EthernetFrameCodec;
import io.mosnet.dhcp.v4.message.UdpDatagram;
import io.mosnet.dhcp.v4.option.DnsServersOption;
import io.mosnet.dhcp.v4.option.DomainSearchOption;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.LeaseTimeOption;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.ParameterRequestListOption;
import io.mosnet.dhcp.v4.option.RouterOption;
import io.mosnet.dhcp.v4.option.ServerIdOption;
import io.mosnet.dhcp.v4.option.SubnetMaskOption;
import java.net.Inet4Address;
import java.util.List;
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
 * The DHCPv4 codec on the client's hot path: a server's DHCPOFFER as it arrives (Ethernet frame to message) and a
 * DHCPDISCOVER as it leaves (message to Ethernet frame), through the public codec classes of plugin-dhcp.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Dhcp4CodecBenchmark {

    private static final MacAddress CLIENT = MacAddress.parse("52:54:00:12:34:56");
    private static final MacAddress SERVER = MacAddress.parse("52:54:00:00:00:01");

    private DhcpMessage discover;
    private byte[] offerPayload;
    private byte[] offerFrame;

    @Setup
    public void setUp() {
        Inet4Address server = IpAddresses.parseIpv4("10.77.0.1");
        discover = new DhcpMessage(DhcpMessage.BOOTREQUEST, 0x1234abcd, 0, false, null, null, null, null, CLIENT,
                DhcpOptions.builder()
                        .put(OptionCode.MESSAGE_TYPE, MessageType.DISCOVER.encode())
                        .put(OptionCode.PARAMETER_REQUEST_LIST, ParameterRequestListOption.encode(List.of(
                                OptionCode.SUBNET_MASK, OptionCode.CLASSLESS_ROUTES, OptionCode.ROUTER,
                                OptionCode.DNS_SERVERS, OptionCode.DOMAIN_NAME, OptionCode.DOMAIN_SEARCH,
                                OptionCode.INTERFACE_MTU, OptionCode.LEASE_TIME)))
                        .build());
        DhcpMessage offer = new DhcpMessage(DhcpMessage.BOOTREPLY, 0x1234abcd, 0, false, null,
                IpAddresses.parseIpv4("10.77.0.123"), null, null, CLIENT, DhcpOptions.builder()
                .put(OptionCode.MESSAGE_TYPE, MessageType.OFFER.encode())
                .put(OptionCode.SERVER_ID, ServerIdOption.encode(server))
                .put(OptionCode.LEASE_TIME, LeaseTimeOption.encode(3600))
                .put(OptionCode.SUBNET_MASK, SubnetMaskOption.encode(24))
                .put(OptionCode.ROUTER, RouterOption.encode(List.of(server)))
                .put(OptionCode.DNS_SERVERS, DnsServersOption.encode(List.of(server)))
                .put(OptionCode.DOMAIN_SEARCH, DomainSearchOption.encode(List.of("lab.example", "example.org")))
                .build());
        offerPayload = offer.encode();
        offerFrame = EthernetFrameCodec.build(new UdpDatagram(SERVER, CLIENT, server,
                IpAddresses.parseIpv4("10.77.0.123"), UdpDatagram.DHCP_SERVER_PORT, UdpDatagram.DHCP_CLIENT_PORT,
                offerPayload));
    }

    @Benchmark
    public DhcpMessage parseOffer() {
        return DhcpMessage.parse(offerPayload);
    }

    /** What the receive loop does per frame: Ethernet, IPv4 and UDP headers checked, then the DHCP message. */
    @Benchmark
    public DhcpMessage parseOfferFrame() {
        return DhcpMessage.parse(EthernetFrameCodec.parse(offerFrame).payload());
    }

    @Benchmark
    public byte[] encodeDiscover() {
        return discover.encode();
    }

    @Benchmark
    public byte[] encodeDiscoverFrame() {
        return EthernetFrameCodec.build(new UdpDatagram(CLIENT, MacAddress.BROADCAST, Ipv4.ANY, Ipv4.BROADCAST,
                UdpDatagram.DHCP_CLIENT_PORT, UdpDatagram.DHCP_SERVER_PORT, discover.encode()));
    }
}
