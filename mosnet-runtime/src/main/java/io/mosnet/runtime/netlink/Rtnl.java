package io.mosnet.runtime.netlink;

/**
 * Numbers from linux/netlink.h, linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h and linux/neighbour.h that the
 * codec and the socket share. Values are ABI and never change.
 */
final class Rtnl {

    private Rtnl() {
    }

    // nlmsghdr types (netlink.h)
    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_OVERRUN = 4;

    // nlmsghdr flags
    static final int NLM_F_REQUEST = 0x01;
    static final int NLM_F_MULTI = 0x02;
    static final int NLM_F_ACK = 0x04;
    static final int NLM_F_DUMP_INTR = 0x10;
    static final int NLM_F_ROOT = 0x100;
    static final int NLM_F_MATCH = 0x200;
    static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    // flags of an NLMSG_ERROR message
    static final int NLM_F_CAPPED = 0x100;
    static final int NLM_F_ACK_TLVS = 0x200;
    static final int NLMSGERR_ATTR_MSG = 1;

    // rtnetlink message types
    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_SETLINK = 19;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;
    static final int RTM_NEWNEIGH = 28;
    static final int RTM_DELNEIGH = 29;
    static final int RTM_GETNEIGH = 30;
    static final int RTM_NEWNDUSEROPT = 68;

    // rtnetlink multicast groups (enum rtnetlink_groups), joined with NETLINK_ADD_MEMBERSHIP
    static final int RTNLGRP_LINK = 1;
    static final int RTNLGRP_IPV4_IFADDR = 5;
    static final int RTNLGRP_IPV4_ROUTE = 7;
    static final int RTNLGRP_IPV6_IFADDR = 9;
    static final int RTNLGRP_IPV6_ROUTE = 11;
    static final int RTNLGRP_ND_USEROPT = 20;

    // address families
    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_BRIDGE = 7;
    static final int AF_INET6 = 10;

    // link (ifinfomsg) flags and attributes
    static final int IFF_UP = 0x1;
    static final int IFF_LOOPBACK = 0x8;
    static final int IFF_LOWER_UP = 0x10000;
    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_MASTER = 10;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_AF_SPEC = 26;
    static final int IFLA_EXT_MASK = 29;
    static final int RTEXT_FILTER_BRVLAN = 1 << 1;
    static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    // bridges (linux/if_link.h IFLA_BR_*, linux/if_bridge.h)
    static final int IFLA_BR_VLAN_FILTERING = 7;
    static final int IFLA_BRIDGE_FLAGS = 0;
    static final int IFLA_BRIDGE_VLAN_INFO = 2;
    static final int BRIDGE_FLAGS_SELF = 2;
    static final int BRIDGE_VLAN_INFO_PVID = 1 << 1;
    static final int BRIDGE_VLAN_INFO_UNTAGGED = 1 << 2;
    static final int BRIDGE_VLAN_INFO_RANGE_BEGIN = 1 << 3;
    static final int BRIDGE_VLAN_INFO_RANGE_END = 1 << 4;

    // addresses (ifaddrmsg)
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_BROADCAST = 4;
    static final int IFA_CACHEINFO = 6;
    static final int IFA_FLAGS = 8;
    static final int IFA_F_SECONDARY = 0x01;
    static final int IFA_F_NODAD = 0x02;
    static final int IFA_F_DADFAILED = 0x08;
    static final int IFA_F_DEPRECATED = 0x20;
    static final int IFA_F_TENTATIVE = 0x40;
    static final int IFA_F_PERMANENT = 0x80;
    static final int IFA_F_MANAGETEMPADDR = 0x100;
    static final int IFA_F_NOPREFIXROUTE = 0x200;

    // routes (rtmsg)
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_PREFSRC = 7;
    static final int RTA_TABLE = 15;
    static final int RTA_VIA = 18;
    static final int RTN_UNSPEC = 0;
    static final int RTN_UNICAST = 1;
    static final int RTNH_F_ONLINK = 4;
    static final int RT_TABLE_UNSPEC = 0;

    // scopes shared by addresses and routes
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_SITE = 200;
    static final int RT_SCOPE_LINK = 253;
    static final int RT_SCOPE_HOST = 254;
    static final int RT_SCOPE_NOWHERE = 255;

    // neighbours (ndmsg)
    static final int NDA_DST = 1;
    static final int NDA_LLADDR = 2;
    static final int NTF_ROUTER = 0x80;

    // ND user options (nduseroptmsg)
    static final int NDUSEROPT_SRCADDR = 1;

    /** The name of a message type as iproute2 and the kernel headers spell it, for error messages. */
    static String typeName(int type) {
        return switch (type) {
            case NLMSG_NOOP -> "NLMSG_NOOP";
            case NLMSG_ERROR -> "NLMSG_ERROR";
            case NLMSG_DONE -> "NLMSG_DONE";
            case NLMSG_OVERRUN -> "NLMSG_OVERRUN";
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            case RTM_SETLINK -> "RTM_SETLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case RTM_GETADDR -> "RTM_GETADDR";
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_GETROUTE -> "RTM_GETROUTE";
            case RTM_NEWNEIGH -> "RTM_NEWNEIGH";
            case RTM_DELNEIGH -> "RTM_DELNEIGH";
            case RTM_GETNEIGH -> "RTM_GETNEIGH";
            case RTM_NEWNDUSEROPT -> "RTM_NEWNDUSEROPT";
            default -> "message type " + type;
        };
    }
}
