package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.NetworkException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer rules on captured kernel messages, without a socket. */
class ReplyCollectorTest {

    private static final int ROUTE_DUMP_SEQ = 3;

    private static NetlinkMessage request(int type, int flags, int seq) {
        return new NetlinkMessage(type, flags, seq, 0, new byte[0]);
    }

    @Test
    void collectsAMultipartDumpUntilDone() {
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP,
                ROUTE_DUMP_SEQ), "RTM_GETROUTE dump");
        List<NetlinkMessage> dump = NetlinkMessage.decodeAll(Hex.bytes(KernelMessageDecodingTest.ROUTE_DUMP));
        for (int i = 0; i < 4; i++) {
            assertFalse(c.accept(dump.get(i)));
        }
        assertTrue(c.accept(dump.get(4)));
        assertEquals(4, c.replies().size());
        assertFalse(c.interrupted());
    }

    @Test
    void skipsLateAnswersToEarlierRequests() {
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP, 99),
                "RTM_GETROUTE dump");
        for (NetlinkMessage m : NetlinkMessage.decodeAll(Hex.bytes(KernelMessageDecodingTest.ROUTE_DUMP))) {
            assertFalse(c.accept(m));
        }
        assertTrue(c.replies().isEmpty());
    }

    @Test
    void turnsAnErrorIntoAnExceptionWithTheRequestAndTheKernelsWords() {
        // The captured EEXIST answers sequence 7.
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_NEWADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK
                | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, 7), "RTM_NEWADDR 10.0.0.1/24 dev br0");
        NetlinkMessage error = NetlinkMessage.decodeAll(Hex.bytes(KernelMessageDecodingTest.ERROR_EEXIST)).get(0);
        NetworkException e = assertThrows(NetworkException.class, () -> c.accept(error));
        assertEquals(17, e.errno());
        assertEquals("RTM_NEWADDR 10.0.0.1/24 dev br0: File exists (ipv4: Address already assigned)",
                e.getMessage());
    }

    @Test
    void endsAChangeAtItsAck() {
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK, 9),
                "RTM_NEWLINK mos up");
        assertTrue(c.accept(new NetlinkMessage(Rtnl.NLMSG_ERROR, 0x100, 9, 0,
                Hex.bytes("00000000 20000000 1000 0500 09000000 00000000"))));
        assertTrue(c.replies().isEmpty());
    }

    @Test
    void endsAGetAtItsSingleReply() {
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_GETLINK, Rtnl.NLM_F_REQUEST, 1), "RTM_GETLINK br0");
        NetlinkMessage link = NetlinkMessage.decodeAll(Hex.resource("newlink-bridge.hex")).get(0);
        assertTrue(c.accept(link));
        assertEquals(List.of(link), c.replies());
    }

    @Test
    void notesAnInterruptedDump() {
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_GETADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP, 2),
                "RTM_GETADDR dump");
        NetlinkMessage addr = NetlinkMessage.decodeAll(Hex.bytes(KernelMessageDecodingTest.NEWADDR_V4)).get(0);
        c.accept(new NetlinkMessage(addr.type(), addr.flags() | Rtnl.NLM_F_DUMP_INTR, addr.sequence(), 0,
                addr.payload()));
        assertTrue(c.accept(new NetlinkMessage(Rtnl.NLMSG_DONE, Rtnl.NLM_F_MULTI, 2, 0, new byte[4])));
        assertTrue(c.interrupted());
    }

    @Test
    void reportsAFailedDumpFromItsDoneStatus() {
        ReplyCollector c = new ReplyCollector(request(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP, 4),
                "RTM_GETROUTE dump");
        NetworkException e = assertThrows(NetworkException.class, () -> c.accept(
                new NetlinkMessage(Rtnl.NLMSG_DONE, Rtnl.NLM_F_MULTI, 4, 0, Hex.bytes("eaffffff"))));
        assertEquals(22, e.errno());
        assertEquals("RTM_GETROUTE dump: Invalid argument", e.getMessage());
    }
}
