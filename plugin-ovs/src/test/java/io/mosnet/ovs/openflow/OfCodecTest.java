package io.mosnet.ovs.openflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OfCodecTest {

    private static final long COOKIE = 0x6d6f736e65740001L;
    private static final MacAddress VM = MacAddress.parse("52:54:00:00:00:50");

    private static void assertEncodes(String golden, OfMessage m, long xid) {
        assertEquals(HexFormat.of().formatHex(Golden.get(golden)), HexFormat.of().formatHex(OfCodec.encode(m, xid)),
                golden);
    }

    @Test
    void encodesArpProxyFlowAsOvsOfctlDoes() {
        Match m = Match.any().inPort(1).arpOp(1).arpTpa(IpAddresses.parseIpv4("10.0.0.2"));
        assertEncodes("flowmod-addarp", FlowMod.add(COOKIE, 300, m, List.of(new Action.Output(Ports.CONTROLLER, 65535))), 6);
    }

    @Test
    void encodesNeighbourSolicitationFlowAsOvsOfctlDoes() {
        Match m = Match.any().inPort(1).icmpv6Type(135).ndTarget(IpAddresses.parseIpv6("2001:db8::2"));
        assertEncodes("flowmod-addnd", FlowMod.add(COOKIE, 300, m, List.of(new Action.Output(Ports.CONTROLLER, 65535))), 6);
    }

    @Test
    void encodesIngressNatFlowsAsOvsOfctlDoes() {
        List<Action> deliver = List.of(new Action.SetEthDst(VM), new Action.Output(3, 0));
        assertEncodes("flowmod-addv4",
                FlowMod.add(COOKIE, 200, Match.any().inPort(1).ipv4Dst(IpAddresses.parseIpv4("10.0.0.50")), deliver), 6);
        assertEncodes("flowmod-addv6",
                FlowMod.add(COOKIE, 200, Match.any().inPort(1).ipv6Dst(IpAddresses.parseIpv6("2001:db8::50")), deliver), 6);
    }

    @Test
    void encodesEthernetMatchAndSourceRewriteAsOvsOfctlDoes() {
        Match m = Match.any().ethSrc(VM).ethDst(MacAddress.BROADCAST);
        assertEncodes("flowmod-addsrc", FlowMod.add(COOKIE, 10, m,
                List.of(new Action.SetEthSrc(MacAddress.parse("be:7d:42:67:02:4c")), new Action.Output(1, 0))), 6);
        assertEncodes("flowmod-addlocal",
                FlowMod.add(COOKIE, 100, Match.any().inPort(Ports.LOCAL), List.of(new Action.Output(1, 0))), 6);
    }

    @Test
    void encodesControlMessagesAsOvsOfctlDoes() {
        assertEncodes("flowmod-delete-cookie", FlowMod.deleteByCookie(COOKIE), 6);
        assertEncodes("flowstats-request", OfMessage.FlowStatsRequest.all(), 2);
        assertEncodes("hello-ofctl", OfMessage.Hello.openFlow13(), 1);
        assertEncodes("features-request", new OfMessage.FeaturesRequest(), 2);
        assertEncodes("echo-request", new OfMessage.EchoRequest(new byte[0]), 0);
        assertEncodes("barrier-request", new OfMessage.BarrierRequest(), 7);
        assertEncodes("set-config", new OfMessage.SetConfig(0, Ports.NO_BUFFER), 3);
        byte[] arp = HexFormat.of().parseHex(
                "ffffffffffff020000000001080600010800060400010200000000010a0000010000000000000a000002");
        assertEncodes("packet-out-table",
                new OfMessage.PacketOut(OfCodec.NO_BUFFER, 1, List.of(new Action.Output(Ports.TABLE, 0)), arp), 6);
    }

    @Test
    void everyCapturedMessageDecodesAndReencodesByteForByte() {
        for (Map.Entry<String, byte[]> e : Golden.MESSAGES.entrySet()) {
            OfFrame f = OfCodec.decode(e.getValue());
            assertFalse(f.message() instanceof OfMessage.Unknown, e.getKey() + " decoded as " + f.message());
            assertArrayEquals(e.getValue(), OfCodec.encode(f.message(), f.xid()), e.getKey());
        }
    }

    @Test
    void decodesHelloOfNewerSwitchAsSupportingOpenFlow13() {
        OfMessage.Hello h = (OfMessage.Hello) OfCodec.decode(Golden.get("hello-ovs")).message();
        assertEquals(6, h.version());
        assertTrue(h.supports13());
        assertFalse(new OfMessage.Hello(6, 1L << 6).supports13());
    }

    @Test
    void decodesFeaturesReply() {
        var r = (OfMessage.FeaturesReply) OfCodec.decode(Golden.get("features-reply")).message();
        assertEquals(0x0000c2dd29777145L, r.datapathId());
        assertEquals(254, r.tables());
    }

    @Test
    void decodesPacketInOfArpRequest() {
        OfFrame f = OfCodec.decode(Golden.get("packet-in-arp"));
        var p = assertInstanceOf(OfMessage.PacketIn.class, f.message());
        assertEquals(1, p.inPort());
        assertEquals(COOKIE, p.cookie());
        assertEquals(1, p.reason());
        assertEquals(42, p.totalLength());
        assertEquals(42, p.data().length);
        assertEquals(OfCodec.NO_BUFFER, p.bufferId());
    }

    @Test
    void decodesFlowStatsReplyIntoOvsOfctlText() {
        var r = (OfMessage.FlowStatsReply) OfCodec.decode(Golden.get("flowstats-reply")).message();
        assertFalse(r.more());
        assertEquals(6, r.flows().size());
        Map<String, Object> first = r.flows().get(0).toMap();
        assertEquals("0x6d6f736e65740001", first.get("cookie"));
        assertEquals(300, first.get("priority"));
        assertEquals("in_port=1,arp,arp_op=1,arp_tpa=10.0.0.2", first.get("match"));
        assertEquals("CONTROLLER:65535", first.get("actions"));
        assertEquals("in_port=1,ipv6,nw_proto=58,icmp_type=135,nd_target=2001:db8::2", r.flows().get(1).match().toString());
        assertEquals("set_field:52:54:00:00:00:50->eth_dst,output:3", r.flows().get(2).toMap().get("actions"));
        assertEquals("in_port=LOCAL", r.flows().get(4).match().toString());
        assertEquals(IpAddresses.parseIpv4("10.0.0.50"), r.flows().get(2).match().ipv4Dst());
        assertInstanceOf(Inet6Address.class, r.flows().get(3).match().ipv6Dst());
        assertInstanceOf(Inet4Address.class, r.flows().get(0).match().arpTpa());
    }

    @Test
    void decodesErrorWithOffendingRequest() {
        var e = (OfMessage.Error) OfCodec.decode(Golden.get("error-eperm")).message();
        assertEquals(1, e.type());
        assertEquals(5, e.code());
        assertEquals(0x04, e.data()[0]);
        assertEquals(14, e.data()[1]);
        assertTrue(e.toString().contains("EPERM"), e.toString());
    }

    @Test
    void rejectsMessageWhoseHeaderLengthDisagrees() {
        byte[] b = Golden.get("barrier-reply");
        OpenFlowException e = assertThrows(OpenFlowException.class, () -> OfCodec.decode(Arrays.copyOf(b, 12)));
        assertTrue(e.getMessage().contains("header says 8 bytes"), e.getMessage());
    }

    @Test
    void rejectsTruncatedMatchWithOwnException() {
        byte[] b = Golden.get("packet-in-arp");
        b[26] = 0x7f; // ofp_match length far past the end
        assertThrows(OpenFlowException.class, () -> OfCodec.decode(b));
    }

    @Test
    void corruptedCapturesFailOnlyWithOpenFlowException() {
        Random random = new Random(7047);
        for (byte[] original : Golden.MESSAGES.values()) {
            for (int i = 0; i < 300; i++) {
                byte[] b = original.clone();
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    // Keep the header length consistent so the body parsers are what gets exercised.
                    int at = 4 + random.nextInt(b.length - 4);
                    b[at] = (byte) random.nextInt(256);
                }
                try {
                    OfCodec.decode(b);
                } catch (OpenFlowException expected) {
                    // fine: malformed input is reported with the codec's own exception
                }
            }
        }
    }
}
