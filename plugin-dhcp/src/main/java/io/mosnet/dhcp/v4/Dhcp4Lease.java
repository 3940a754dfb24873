package io.mosnet.dhcp.v4;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.v4.message.DhcpMessage;
import io.mosnet.dhcp.v4.message.DhcpOptions;
import io.mosnet.dhcp.v4.option.ClasslessRoute;
import io.mosnet.dhcp.v4.option.ClasslessRoutesOption;
import io.mosnet.dhcp.v4.option.DhcpParseException;
import io.mosnet.dhcp.v4.option.DnsServersOption;
import io.mosnet.dhcp.v4.option.DomainNameOption;
import io.mosnet.dhcp.v4.option.DomainSearchOption;
import io.mosnet.dhcp.v4.option.InterfaceMtuOption;
import io.mosnet.dhcp.v4.option.Ipv4;
import io.mosnet.dhcp.v4.option.OptionCode;
import io.mosnet.dhcp.v4.option.RebindingTimeOption;
import io.mosnet.dhcp.v4.option.RenewalTimeOption;
import io.mosnet.dhcp.v4.option.RouterOption;
import io.mosnet.dhcp.v4.option.SubnetMaskOption;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a DHCPACK (or a DHCPOFFER, during the probe) grants, with the options already decoded and checked.
 *
 * @param address      yiaddr
 * @param prefixLength from option 1, or the classful default when the server sent none
 * @param gateway      the default router: the 0.0.0.0/0 entry of option 121 when that is used, else the first of
 *                     option 3; null when none
 * @param server       the server identifier (option 54)
 * @param dns          option 6
 * @param domains      option 119, or option 15 alone when 119 is absent
 * @param routes       option 121 less the default route through a router (an on-link default route stays), empty
 *                     when option 121 is absent or ignored
 * @param mtu          option 26, 0 when absent
 * @param boundAt      when the ACK arrived
 * @param times        T1, T2 and expiry, normalised
 */
public record Dhcp4Lease(Inet4Address address, int prefixLength, Inet4Address gateway, Inet4Address server,
                         List<Inet4Address> dns, List<String> domains, List<ClasslessRoute> routes, int mtu,
                         Instant boundAt, LeaseTimes times) {

    public Dhcp4Lease {
        dns = List.copyOf(dns);
        domains = List.copyOf(domains);
        routes = List.copyOf(routes);
    }

    /**
     * Reads a lease from an OFFER or ACK. Throws {@link DhcpParseException} when a needed option is missing or any
     * used option is malformed, so that the caller can ignore the message as a whole.
     *
     * @param classlessRoutes honour option 121 (which then replaces option 3, RFC 3442 section 3)
     */
    public static Dhcp4Lease from(DhcpMessage m, Instant now, boolean classlessRoutes) {
        Inet4Address address = m.yiaddr();
        if (!Ipv4.isUsableHost(address)) {
            throw new DhcpParseException("yiaddr " + address.getHostAddress() + " is not a usable host address");
        }
        Inet4Address server = m.serverId()
                .orElseThrow(() -> new DhcpParseException("no option 54 (server identifier)"));
        long lease = m.leaseSeconds()
                .orElseThrow(() -> new DhcpParseException("no option 51 (lease time); RFC 2131 table 3 requires it"));
        DhcpOptions o = m.options();
        int prefix = o.decode(OptionCode.SUBNET_MASK, SubnetMaskOption::decodePrefixLength)
                .orElseGet(() -> classfulPrefix(address));
        List<ClasslessRoute> classless = classlessRoutes
                ? o.decode(OptionCode.CLASSLESS_ROUTES, ClasslessRoutesOption::decode).orElse(List.of())
                : List.of();
        Inet4Address gateway;
        List<ClasslessRoute> routes = new ArrayList<>();
        if (!classless.isEmpty()) {
            gateway = null;
            for (ClasslessRoute r : classless) {
                if (r.isDefault() && !r.onLink()) {
                    gateway = gateway == null ? r.router() : gateway;
                } else {
                    // An on-link default route (router 0.0.0.0, RFC 3442) stays a route: the whole network is on
                    // the link, as with a provider that answers ARP for every address.
                    routes.add(r);
                }
            }
        } else {
            gateway = o.decode(OptionCode.ROUTER, RouterOption::decode).map(List::getFirst).orElse(null);
        }
        List<Inet4Address> dns = o.decode(OptionCode.DNS_SERVERS, DnsServersOption::decode).orElse(List.of());
        List<String> domains = o.decode(OptionCode.DOMAIN_SEARCH, DomainSearchOption::decode)
                .or(() -> o.decode(OptionCode.DOMAIN_NAME, DomainNameOption::decode).map(List::of))
                .orElse(List.of());
        int mtu = o.decode(OptionCode.INTERFACE_MTU, InterfaceMtuOption::decode).orElse(0);
        long t1 = o.decode(OptionCode.RENEWAL_TIME, RenewalTimeOption::decodeSeconds).orElse(-1L);
        long t2 = o.decode(OptionCode.REBINDING_TIME, RebindingTimeOption::decodeSeconds).orElse(-1L);
        return new Dhcp4Lease(address, prefix, gateway, server, dns, domains, routes, mtu, now,
                LeaseTimes.of(now, lease, t1, t2));
    }

    /** RFC 791 classes, for the rare server that sends no subnet mask. */
    static int classfulPrefix(Inet4Address a) {
        int first = Ipv4.bits(a) >>> 24;
        return first < 128 ? 8 : first < 192 ? 16 : 24;
    }

    /** A lease from the state file of an earlier run; throws IllegalArgumentException when it cannot be read. */
    public static Dhcp4Lease fromState(LeaseState s) {
        if (s.address() == null || s.server() == null || s.obtainedAt() == null) {
            throw new IllegalArgumentException("stored lease lacks address, server or obtainedAt: " + s);
        }
        String[] a = s.address().split("/", 2);
        Inet4Address address = IpAddresses.parseIpv4(a[0]);
        int prefix = a.length == 2 ? Integer.parseInt(a[1]) : classfulPrefix(address);
        List<ClasslessRoute> routes = new ArrayList<>();
        for (String r : s.routes()) {
            String[] parts = r.trim().split("\\s+via\\s+");
            String[] dest = parts[0].split("/", 2);
            routes.add(new ClasslessRoute(IpAddresses.parseIpv4(dest[0]), Integer.parseInt(dest[1]),
                    parts.length == 2 ? IpAddresses.parseIpv4(parts[1]) : Ipv4.ANY));
        }
        LeaseTimes times = s.expiresAt() == null ? new LeaseTimes(null, null, null)
                : new LeaseTimes(s.renewAt(), s.rebindAt(), s.expiresAt());
        return new Dhcp4Lease(address, prefix, s.gateway() == null ? null : IpAddresses.parseIpv4(s.gateway()),
                IpAddresses.parseIpv4(s.server()), s.dns().stream().map(IpAddresses::parseIpv4).toList(),
                s.domains(), routes, s.mtu(), s.obtainedAt(), times);
    }

    /** The lease as the state file shows it. */
    public LeaseState toState(String state, String nic, String clientIdHex) {
        return new LeaseState("dhcpv4", state, nic, address.getHostAddress() + "/" + prefixLength,
                gateway == null ? null : gateway.getHostAddress(), server.getHostAddress(),
                dns.stream().map(Inet4Address::getHostAddress).toList(), domains,
                routes.stream().map(ClasslessRoute::toString).toList(), mtu, boundAt, times.renewAt(),
                times.rebindAt(), times.expiresAt(), clientIdHex);
    }

    public boolean sameAddress(Dhcp4Lease other) {
        return other != null && address.equals(other.address) && prefixLength == other.prefixLength;
    }
}
