package io.mosnet.dhcp.v4;

import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.message.DhcpOptions;
import io.mosnet.dhcp.v4.option.HostnameOption;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.MaxMessageSizeOption;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.ParameterRequestListOption;
import io.mosnet.dhcp.v4.option.RapidCommitOption;
import io.mosnet.dhcp.v4.option.RequestedAddressOption;
import io.mosnet.dhcp.v4.option.ServerIdOption;
import io.mosnet.dhcp.v4.option.ServerMessageOption;
import java.net.Inet4Address;
import java.util.List;

/**
 * The client's messages, one factory per protocol step; the fields and options follow RFC 2131 section 4.4.1 and
 * table 5 (what a DHCPREQUEST carries in each state).
 */
final class MessageFactory {

    /** Option 121 is asked before option 3, as RFC 3442 section 4 suggests for servers that stop at the first. */
    static final List<Integer> REQUESTED = List.of(OptionCode.SUBNET_MASK, OptionCode.CLASSLESS_ROUTES,
            OptionCode.ROUTER, OptionCode.DNS_SERVERS, OptionCode.DOMAIN_NAME, OptionCode.DOMAIN_SEARCH,
            OptionCode.INTERFACE_MTU, OptionCode.LEASE_TIME, OptionCode.RENEWAL_TIME, OptionCode.REBINDING_TIME);

    private final ClientIdentity identity;
    private final String hostname;
    private final boolean rapidCommit;

    /**
     * @param hostname sent as option 12 when not null; validated here, so a bad name fails at start-up
     */
    MessageFactory(ClientIdentity identity, String hostname, boolean rapidCommit) {
        this.identity = identity;
        this.hostname = hostname == null || hostname.isBlank() ? null : hostname;
        if (this.hostname != null) {
            HostnameOption.encode(this.hostname);
        }
        this.rapidCommit = rapidCommit;
    }

    /** DHCPDISCOVER (SELECTING); asks for rapid commit (RFC 4039 section 4) when configured. */
    DhcpMessage discover(int xid, int secs) {
        DhcpOptions.Builder o = common(MessageType.DISCOVER);
        if (rapidCommit) {
            o.put(OptionCode.RAPID_COMMIT, RapidCommitOption.encode());
        }
        return request(xid, secs, Ipv4.ANY, o);
    }

    /** DHCPREQUEST in SELECTING: server identifier and requested address set, ciaddr zero. */
    DhcpMessage requestOffer(int xid, int secs, Inet4Address offered, Inet4Address server) {
        DhcpOptions.Builder o = common(MessageType.REQUEST)
                .put(OptionCode.REQUESTED_ADDRESS, RequestedAddressOption.encode(offered))
                .put(OptionCode.SERVER_ID, ServerIdOption.encode(server));
        return request(xid, secs, Ipv4.ANY, o);
    }

    /** DHCPREQUEST in INIT-REBOOT: requested address set, no server identifier, ciaddr zero. */
    DhcpMessage requestReboot(int xid, int secs, Inet4Address previous) {
        DhcpOptions.Builder o = common(MessageType.REQUEST)
                .put(OptionCode.REQUESTED_ADDRESS, RequestedAddressOption.encode(previous));
        return request(xid, secs, Ipv4.ANY, o);
    }

    /** DHCPREQUEST in RENEWING or REBINDING: ciaddr set, neither server identifier nor requested address. */
    DhcpMessage requestExtend(int xid, int secs, Inet4Address bound) {
        return request(xid, secs, bound, common(MessageType.REQUEST));
    }

    /**
     * DHCPDECLINE: the address the server assigned is in use on the link (RFC 2131 section 4.4.1). Table 5: ciaddr
     * and secs zero, requested address and server identifier set, the client identifier and a message (option 56)
     * allowed, nothing else.
     */
    DhcpMessage decline(int xid, Inet4Address address, Inet4Address server, String why) {
        DhcpOptions.Builder o = DhcpOptions.builder()
                .put(OptionCode.MESSAGE_TYPE, MessageType.DECLINE.encode())
                .put(OptionCode.CLIENT_ID, identity.clientId())
                .put(OptionCode.REQUESTED_ADDRESS, RequestedAddressOption.encode(address))
                .put(OptionCode.SERVER_ID, ServerIdOption.encode(server))
                .put(OptionCode.MESSAGE, ServerMessageOption.encode(why));
        return request(xid, 0, Ipv4.ANY, o);
    }

    private DhcpOptions.Builder common(MessageType type) {
        DhcpOptions.Builder o = DhcpOptions.builder()
                .put(OptionCode.MESSAGE_TYPE, type.encode())
                .put(OptionCode.CLIENT_ID, identity.clientId())
                .put(OptionCode.MAX_MESSAGE_SIZE, MaxMessageSizeOption.encode(MaxMessageSizeOption.ANNOUNCED))
                .put(OptionCode.PARAMETER_REQUEST_LIST, ParameterRequestListOption.encode(REQUESTED));
        if (hostname != null) {
            o.put(OptionCode.HOSTNAME, HostnameOption.encode(hostname));
        }
        return o;
    }

    private DhcpMessage request(int xid, int secs, Inet4Address ciaddr, DhcpOptions.Builder options) {
        return new DhcpMessage(DhcpMessage.BOOTREQUEST, xid, Math.min(secs, 0xffff), false, ciaddr, null, null,
                null, identity.mac(), options.build());
    }
}
