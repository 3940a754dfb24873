package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hostile or truncated bytes raise {@link MalformedMessageException}, never an index or null-pointer error. */
class MalformedInputTest {

    @Test
    void rejectsMessageLengthRunningPastTheDatagram() {
        byte[] b = Hex.bytes(KernelMessageDecodingTest.NEWADDR_V4);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> NetlinkMessage.decodeAll(b, b.length - 4));
        assertTrue(e.getMessage().contains("nlmsg_len 76"), e.getMessage());
    }

    @Test
    void rejectsMessageLengthShorterThanTheHeader() {
        assertThrows(MalformedMessageException.class,
                () -> NetlinkMessage.decodeAll(Hex.bytes("08000000 1400 0200 00000000 00000000")));
    }

    @Test
    void rejectsAttributeRunningPastItsMessage() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.RTM_NEWADDR, 0, 0, 0,
                Hex.bytes("0218800002000000" + "40000100 0a000001"));
        assertThrows(MalformedMessageException.class, () -> AddressCodec.decode(m));
    }

    @Test
    void rejectsTruncatedFixedHeaders() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.RTM_NEWROUTE, 0, 0, 0, Hex.bytes("0200"));
        assertThrows(MalformedMessageException.class, () -> RouteCodec.decode(m));
        assertThrows(MalformedMessageException.class, () -> LinkCodec.decode(
                new NetlinkMessage(Rtnl.RTM_NEWLINK, 0, 0, 0, new byte[3])));
        assertThrows(MalformedMessageException.class, () -> ErrorMessage.decode(
                new NetlinkMessage(Rtnl.NLMSG_ERROR, 0, 0, 0, new byte[6])));
    }

    @Test
    void rejectsAddressOfOddLength() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.RTM_NEWADDR, 0, 0, 0,
                Hex.bytes("0218800002000000" + "07000200 0a0000 00"));
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> AddressCodec.decode(m));
        assertTrue(e.getMessage().contains("3 bytes"), e.getMessage());
    }

    @Test
    void rejectsNdUserOptionLengthBeyondPayload() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.RTM_NEWNDUSEROPT, 0, 0, 0,
                Hex.bytes("0a00ff00030000008600000000000000" + "19030000"));
        assertThrows(MalformedMessageException.class, () -> EventCodec.decode(m));
    }

    @Test
    void rejectsLinkWithoutName() {
        NetlinkMessage m = new NetlinkMessage(Rtnl.RTM_NEWLINK, 0, 0, 0, new byte[16]);
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> LinkCodec.decode(m));
        assertEquals("RTM_NEWLINK for ifindex 0 has no IFLA_IFNAME", e.getMessage());
    }
}
