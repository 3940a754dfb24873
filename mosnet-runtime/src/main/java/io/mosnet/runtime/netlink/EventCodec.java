package io.mosnet.runtime.netlink;

import io.mosnet.api.net.NetworkEvent;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** Turns multicast rtnetlink messages into {@link NetworkEvent}s; types nobody asked for come back empty. */
final class EventCodec {

    /** struct nduseroptmsg: family, pad, opts_len (u16), ifindex (i32), icmp type, icmp code, pad (u16), pad (u32). */
    static final int NDUSEROPT_LENGTH = 16;

    private EventCodec() {
    }

    static Optional<NetworkEvent> decode(NetlinkMessage m) {
        return switch (m.type()) {
            case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK ->
                    Optional.of(new NetworkEvent.LinkChanged(LinkCodec.decode(m), m.type() == Rtnl.RTM_DELLINK));
            case Rtnl.RTM_NEWADDR, Rtnl.RTM_DELADDR ->
                    Optional.of(new NetworkEvent.AddressChanged(AddressCodec.decode(m),
                            m.type() == Rtnl.RTM_DELADDR));
            case Rtnl.RTM_NEWROUTE, Rtnl.RTM_DELROUTE -> RouteCodec.isUnicast(m)
                    ? Optional.of(new NetworkEvent.RouteChanged(RouteCodec.decode(m), m.type() == Rtnl.RTM_DELROUTE))
                    : Optional.empty();
            case Rtnl.RTM_NEWNDUSEROPT -> Optional.of(decodeNdUserOption(m));
            default -> Optional.empty();
        };
    }

    static NetworkEvent.NdUserOption decodeNdUserOption(NetlinkMessage m) {
        byte[] p = m.payload();
        if (p.length < NDUSEROPT_LENGTH) {
            throw new MalformedMessageException("nduseroptmsg needs " + NDUSEROPT_LENGTH + " bytes, got " + p.length);
        }
        ByteBuffer b = NetlinkMessage.wrap(p);
        int optsLen = b.getShort(2) & 0xffff;
        int index = b.getInt(4);
        int icmpType = b.get(8) & 0xff;
        if (optsLen > p.length - NDUSEROPT_LENGTH) {
            throw new MalformedMessageException("nduseroptmsg announces " + optsLen + " option bytes, "
                    + (p.length - NDUSEROPT_LENGTH) + " follow");
        }
        byte[] options = Arrays.copyOfRange(p, NDUSEROPT_LENGTH, NDUSEROPT_LENGTH + optsLen);
        int attrStart = NetlinkMessage.align(NDUSEROPT_LENGTH + optsLen);
        InetAddress source = attrStart < p.length
                ? Attributes.parse(p, attrStart).address(Rtnl.NDUSEROPT_SRCADDR) : null;
        return new NetworkEvent.NdUserOption(index, icmpType, source, options);
    }
}
