package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Neighbour;
import io.mosnet.api.net.Route;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Decodes messages captured from the kernel (6.18, x86_64) in a lab namespace: bridge br0 02:00:00:00:00:01 up
 * without carrier, 10.0.0.1/24, 2001:db8::1/64 nodad, default via 10.0.0.254 onlink metric 100, and a permanent
 * neighbour 10.0.0.9. No root needed.
 */
class KernelMessageDecodingTest {

    static final String NEWADDR_V4 = ""
            + "4c0000001400020002000000af2500000218800002000000080001000a000001080002000a000001"
            + "0800030062723000080008008000000014000600ffffffffffffffff1c0701001c070100";
    static final String NEWADDR_V6 = ""
            + "480000001400020002000000d82500000a408200020000001400010020010db80000000000000000"
            + "0000000114000600ffffffffffffffff1d0701001d0701000800080082000000";
    static final String ROUTE_DUMP = ""
            + "3c00000018000200030000000126000002000000fe0300011400000008000f00fe0000000800060064000000080005000a0000fe0800040002000000"
            + "3c00000018000200030000000126000002180000fe02fd011000000008000f00fe000000080001000a000000080007000a0000010800040002000000"
            + "3c00000018000200030000000126000002200000ff02fe020000000008000f00ff000000080001000a000001080007000a0000010800040002000000"
            + "3c00000018000200030000000126000002200000ff02fd031000000008000f00ff000000080001000a0000ff080007000a0000010800040002000000"
            + "1400000003000200030000000126000000000000";
    static final String NEWNEIGH_PERMANENT = ""
            + "4c0000001c000200040000002a260000020000000200000080000001080001000a000009"
            + "0a000200020000000009000008000400000000001400030045000000450000004500000000000000";
    static final String NEWNEIGH_MULTICAST = ""
            + "4c0000001c000200040000002a26000002000000020000004000000508000100e0000016"
            + "0a00020001005e0000160000080004000000000014000300b4170000440000004400000000000000";
    /** Answer to RTM_NEWADDR 10.0.0.1/24 on br0 when it already exists, with NETLINK_EXT_ACK on. */
    static final String ERROR_EEXIST = "60000000020000020700000081270000efffffff280000001400050607000000000000000218"
            + "000002000000080002000a000001080001000a00000123000100697076343a204164647265737320616c72656164792061737369"
            + "676e65640000";

    private static NetlinkMessage one(String hex) {
        List<NetlinkMessage> all = NetlinkMessage.decodeAll(Hex.bytes(hex));
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void decodesBridgeLinkWithFullStatistics() {
        byte[] raw = Hex.resource("newlink-bridge.hex");
        NetlinkMessage m = NetlinkMessage.decodeAll(raw).get(0);
        assertEquals(Rtnl.RTM_NEWLINK, m.type());
        assertEquals(new Link(2, "br0", "bridge", MacAddress.parse("02:00:00:00:00:01"), 1500, true, false, 0),
                LinkCodec.decode(m));
        assertArrayEquals(raw, m.encode(), "re-encoding the header and payload gives the kernel's bytes back");
    }

    @Test
    void decodesIpv4AddressWithCacheInfo() {
        NetlinkMessage m = one(NEWADDR_V4);
        Address a = AddressCodec.decode(m);
        assertEquals(new Address(2, IpNetwork.parse("10.0.0.1/24"), Address.Scope.UNIVERSE,
                Set.of(Address.AddressFlag.PERMANENT), Address.FOREVER, Address.FOREVER), a);
        assertArrayEquals(Hex.bytes(NEWADDR_V4), m.encode());
    }

    @Test
    void decodesIpv6AddressFlagsFromIfaFlags() {
        Address a = AddressCodec.decode(one(NEWADDR_V6));
        assertEquals(IpNetwork.parse("2001:db8::1/64"), a.network());
        assertEquals(Set.of(Address.AddressFlag.NODAD, Address.AddressFlag.PERMANENT), a.flags());
    }

    @Test
    void splitsAMultipartRouteDumpAndKeepsOnlyUnicast() {
        List<NetlinkMessage> all = NetlinkMessage.decodeAll(Hex.bytes(ROUTE_DUMP));
        assertEquals(5, all.size());
        assertTrue(all.get(0).multipart());
        assertEquals(Rtnl.NLMSG_DONE, all.get(4).type());
        assertEquals(List.of(true, true, false, false), all.subList(0, 4).stream().map(RouteCodec::isUnicast).toList());

        Route def = RouteCodec.decode(all.get(0));
        assertEquals(new Route(IpNetwork.parse("0.0.0.0/0"), IpAddresses.parse("10.0.0.254"), 2, 100,
                Route.Scope.UNIVERSE, Route.Protocol.BOOT, true, 254), def);
        Route connected = RouteCodec.decode(all.get(1));
        assertEquals(new Route(IpNetwork.parse("10.0.0.0/24"), null, 2, 0, Route.Scope.LINK, Route.Protocol.KERNEL,
                false, 254), connected);
    }

    @Test
    void decodesNeighboursWithTheirNudState() {
        Neighbour n = NeighbourCodec.decode(one(NEWNEIGH_PERMANENT));
        assertEquals(new Neighbour(2, IpAddresses.parse("10.0.0.9"), MacAddress.parse("02:00:00:00:00:09"),
                "permanent", false), n);
        Neighbour mc = NeighbourCodec.decode(one(NEWNEIGH_MULTICAST));
        assertEquals("noarp", mc.state());
        assertEquals(MacAddress.parse("01:00:5e:00:00:16"), mc.mac());
    }

    @Test
    void decodesErrorWithExtendedAck() {
        NetlinkMessage m = one(ERROR_EEXIST);
        ErrorMessage e = ErrorMessage.decode(m);
        assertEquals(new ErrorMessage(17, Rtnl.RTM_NEWADDR, 7, "ipv4: Address already assigned"), e);
        assertEquals("RTM_NEWADDR 10.0.0.1/24 dev br0: File exists (ipv4: Address already assigned)",
                NetlinkSocket.failure("RTM_NEWADDR 10.0.0.1/24 dev br0", e).getMessage());
    }

    @Test
    void decodesPlainAck() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.NLMSG_ERROR, 0, 9, 0,
                Hex.bytes("00000000 14000000 1300 0500 09000000 00000000"));
        assertEquals(new ErrorMessage(0, Rtnl.RTM_SETLINK, 9, null), ErrorMessage.decode(m));
    }

    @Test
    void decodesAddressEventsFromTheSameLayout() {
        var event = EventCodec.decode(one(NEWADDR_V4)).orElseThrow();
        assertTrue(event instanceof io.mosnet.api.net.NetworkEvent.AddressChanged ac && !ac.removed());
        NetlinkMessage local = NetlinkMessage.decodeAll(Hex.bytes(ROUTE_DUMP)).get(2);
        assertFalse(EventCodec.decode(local).isPresent(), "local-table routes are not reported");
    }

    @Test
    void decodesNdUserOptionWithSourceAddress() {
        // Multicast on RTNLGRP_ND_USEROPT after an RA from fe80::1 with one RDNSS option (RFC 8106: type 25,
        // length 3, lifetime 600, 2001:db8::53) reached ifindex 2.
        NetlinkMessage m = one("4c0000004400000000000000000000000a0018000200000086000000000000001903000000000258"
                + "20010db800000000000000000000005314000100fe800000000000000000000000000001");
        var opt = (io.mosnet.api.net.NetworkEvent.NdUserOption) EventCodec.decode(m).orElseThrow();
        assertEquals(2, opt.linkIndex());
        assertEquals(134, opt.icmpType());
        assertEquals(IpAddresses.parse("fe80::1"), opt.source());
        assertArrayEquals(Hex.bytes("1903000000000258" + "20010db8000000000000000000000053"), opt.options());
    }

    @Test
    void leavesSourceNullWhenTheKernelOmitsIt() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.RTM_NEWNDUSEROPT, 0, 0, 0,
                Hex.bytes("0a000800030000008600000000000000" + "1f01000000000000"));
        var opt = (io.mosnet.api.net.NetworkEvent.NdUserOption) EventCodec.decode(m).orElseThrow();
        assertNull(opt.source());
        assertEquals(8, opt.options().length);
    }
}
