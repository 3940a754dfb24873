package io.mosnet.runtime.netlink;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.IpAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;

/** RTM_*ADDR requests and the decoding of RTM_NEWADDR into {@link Address}. */
final class AddressCodec {

    private AddressCodec() {
    }

    static Address decode(NetlinkMessage m) {
        IfAddrMessage ifa = IfAddrMessage.decode(m.payload());
        Attributes a = Attributes.parse(m.payload(), IfAddrMessage.LENGTH);
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links (and the only
        // one IPv6 sends).
        InetAddress local = a.has(Rtnl.IFA_LOCAL) ? a.address(Rtnl.IFA_LOCAL) : a.address(Rtnl.IFA_ADDRESS);
        if (local == null) {
            throw new MalformedMessageException(Rtnl.typeName(m.type()) + " on ifindex " + ifa.index()
                    + " has neither IFA_LOCAL nor IFA_ADDRESS");
        }
        int flags = a.int32(Rtnl.IFA_FLAGS, ifa.flags());
        long valid = Address.FOREVER;
        long preferred = Address.FOREVER;
        byte[] ci = a.bytes(Rtnl.IFA_CACHEINFO);
        if (ci != null) {
            if (ci.length < 8) {
                throw new MalformedMessageException("IFA_CACHEINFO has " + ci.length + " bytes, needs 16");
            }
            ByteBuffer b = NetlinkMessage.wrap(ci);
            preferred = b.getInt(0) & 0xffff_ffffL;
            valid = b.getInt(4) & 0xffff_ffffL;
        }
        return new Address(ifa.index(), new IpNetwork(local, ifa.prefixLength()), Scopes.addressScope(ifa.scope()),
                flagSet(flags), valid, preferred);
    }

    static MessageWriter dump() {
        return new MessageWriter(Rtnl.RTM_GETADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP)
                .header(new IfAddrMessage(Rtnl.AF_UNSPEC, 0, 0, 0, 0).encode());
    }

    /** {@code ip addr add NETWORK brd + dev LINK [nodad] [noprefixroute]}. */
    static MessageWriter add(int index, IpNetwork network, Set<Address.AddressFlag> flags) {
        return build(Rtnl.RTM_NEWADDR, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, index, network, flags, -1, -1);
    }

    /** {@code ip addr replace NETWORK brd + dev LINK ... valid_lft V preferred_lft P}. */
    static MessageWriter replace(int index, IpNetwork network, Set<Address.AddressFlag> flags, long valid,
                                 long preferred) {
        return build(Rtnl.RTM_NEWADDR, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE, index, network, flags, valid,
                preferred);
    }

    /** {@code ip addr del NETWORK dev LINK}. */
    static MessageWriter delete(int index, IpNetwork network) {
        return build(Rtnl.RTM_DELADDR, 0, index, network, Set.of(), -1, -1);
    }

    // One builder for all three verbs, as they differ only in type and flags.
    private static MessageWriter build(int type, int extraFlags, int index, IpNetwork network,
                                       Set<Address.AddressFlag> flags, long valid, long preferred) {
        boolean v4 = network.address() instanceof Inet4Address;
        int bits = flagBits(flags);
        MessageWriter w = new MessageWriter(type, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | extraFlags)
                .header(new IfAddrMessage(v4 ? Rtnl.AF_INET : Rtnl.AF_INET6, network.prefixLength(),
                        bits <= 0xff ? bits : 0, Rtnl.RT_SCOPE_UNIVERSE, index).encode());
        // Attribute order as iproute2 sends it, so requests compare byte for byte with captured ones.
        w.address(Rtnl.IFA_LOCAL, network.address());
        if (bits > 0xff) {
            // ifa_flags has 8 bits; newer flags (noprefixroute, mngtmpaddr) go in IFA_FLAGS, as iproute2 does.
            w.u32(Rtnl.IFA_FLAGS, bits);
        }
        w.address(Rtnl.IFA_ADDRESS, network.address());
        if (v4 && type == Rtnl.RTM_NEWADDR && network.prefixLength() <= 30) {
            // "brd +": the kernel adds the subnet broadcast route only when told the broadcast address.
            w.address(Rtnl.IFA_BROADCAST, broadcast(network));
        }
        if (valid >= 0) {
            w.attr(Rtnl.IFA_CACHEINFO, ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                    .putInt((int) preferred).putInt((int) valid).putInt(0).putInt(0).array());
        }
        return w;
    }

    static InetAddress broadcast(IpNetwork network) {
        byte[] b = network.address().getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, network.prefixLength() - 8 * i));
            b[i] |= (byte) (0xff >>> keep);
        }
        return IpAddresses.of(b);
    }

    static int flagBits(Set<Address.AddressFlag> flags) {
        int bits = 0;
        for (Address.AddressFlag f : flags) {
            bits |= switch (f) {
                case NODAD -> Rtnl.IFA_F_NODAD;
                case NOPREFIXROUTE -> Rtnl.IFA_F_NOPREFIXROUTE;
                case PERMANENT -> Rtnl.IFA_F_PERMANENT;
                case TENTATIVE -> Rtnl.IFA_F_TENTATIVE;
                case DEPRECATED -> Rtnl.IFA_F_DEPRECATED;
                case DADFAILED -> Rtnl.IFA_F_DADFAILED;
                case SECONDARY -> Rtnl.IFA_F_SECONDARY;
                case MANAGETEMPADDR -> Rtnl.IFA_F_MANAGETEMPADDR;
            };
        }
        return bits;
    }

    static Set<Address.AddressFlag> flagSet(int bits) {
        EnumSet<Address.AddressFlag> s = EnumSet.noneOf(Address.AddressFlag.class);
        for (Address.AddressFlag f : Address.AddressFlag.values()) {
            if ((bits & flagBits(Set.of(f))) != 0) {
                s.add(f);
            }
        }
        return s;
    }

    /** {@code 10.0.0.1/24 dev mos} for error messages. */
    static String describe(IpNetwork network, String link) {
        return network + " dev " + link;
    }
}
