package io.mosnet.dhcp.v4;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.message.DhcpOptions;
import io.mosnet.dhcp.v4.option.ClasslessRoute;
import io.mosnet.dhcp.v4.option.ClasslessRoutesOption;
import io.mosnet.dhcp.v4.option.DnsServersOption;
import io.mosnet.dhcp.v4.option.DomainSearchOption;
import io.mosnet.dhcp.v4.option.InterfaceMtuOption;
import io.mosnet.dhcp.v4.option.LeaseTimeOption;
import io.mosnet.dhcp.v4.option.MessageType;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.RebindingTimeOption;
import io.mosnet.dhcp.v4.option.RenewalTimeOption;
import io.mosnet.dhcp.v4.option.RouterOption;
import io.mosnet.dhcp.v4.option.ServerIdOption;
import io.mosnet.dhcp.v4.option.SubnetMaskOption;
import java.net.Inet4Address;
import java.util.List;

/** Builds server replies the way dnsmasq shapes them, for tests that play the server. */
final class Replies {

    /** Adjusts a reply in a test. */
    @FunctionalInterface
    interface Customizer {
        Replies apply(Replies r);
    }

    private MessageType type;
    private int xid;
    private MacAddress chaddr;
    private Inet4Address yiaddr;
    private final DhcpOptions.Builder options = DhcpOptions.builder();
    private Inet4Address server = ip("10.0.0.1");

    static Inet4Address ip(String s) {
        return IpAddresses.parseIpv4(s);
    }

    /** A reply of {@code type} to {@code request} granting {@code address}, with a 1 h lease from 10.0.0.1. */
    static Replies to(DhcpMessage request, MessageType type, String address) {
        Replies r = new Replies();
        r.type = type;
        r.xid = request.xid();
        r.chaddr = request.chaddr();
        r.yiaddr = address == null ? null : ip(address);
        if (type != MessageType.NAK) {
            r.lease(3600).mask(24).router("10.0.0.1").dns("10.0.0.1");
        }
        return r;
    }

    Replies server(String s) {
        server = s == null ? null : ip(s);
        return this;
    }

    Replies xid(int x) {
        xid = x;
        return this;
    }

    Replies chaddr(MacAddress m) {
        chaddr = m;
        return this;
    }

    Replies lease(long seconds) {
        options.put(OptionCode.LEASE_TIME, LeaseTimeOption.encode(seconds));
        return this;
    }

    Replies t1t2(long t1, long t2) {
        options.put(OptionCode.RENEWAL_TIME, RenewalTimeOption.encode(t1));
        options.put(OptionCode.REBINDING_TIME, RebindingTimeOption.encode(t2));
        return this;
    }

    Replies mask(int prefix) {
        options.put(OptionCode.SUBNET_MASK, SubnetMaskOption.encode(prefix));
        return this;
    }

    Replies router(String r) {
        options.put(OptionCode.ROUTER, RouterOption.encode(List.of(ip(r))));
        return this;
    }

    Replies dns(String... servers) {
        options.put(OptionCode.DNS_SERVERS, DnsServersOption.encode(
                java.util.Arrays.stream(servers).map(Replies::ip).toList()));
        return this;
    }

    Replies search(String... domains) {
        options.put(OptionCode.DOMAIN_SEARCH, DomainSearchOption.encode(List.of(domains)));
        return this;
    }

    Replies routes(ClasslessRoute... routes) {
        options.put(OptionCode.CLASSLESS_ROUTES, ClasslessRoutesOption.encode(List.of(routes)));
        return this;
    }

    Replies mtu(int mtu) {
        options.put(OptionCode.INTERFACE_MTU, InterfaceMtuOption.encode(mtu));
        return this;
    }

    Replies option(int code, byte[] data) {
        options.put(code, data);
        return this;
    }

    DhcpMessage message() {
        options.put(OptionCode.MESSAGE_TYPE, type.encode());
        if (server != null) {
            options.put(OptionCode.SERVER_ID, ServerIdOption.encode(server));
        }
        return new DhcpMessage(DhcpMessage.BOOTREPLY, xid, 0, false, null, yiaddr, null, null, chaddr,
                options.build());
    }

    byte[] bytes() {
        return message().encode();
    }
}
