package io.mosnet.runtime.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * DNS information from one origin, in the origin's order of preference.
 *
 * @param origin  where it came from, for logs: {@code dhcpv4}, {@code dhcpv6}, {@code rdnss}, {@code static}
 * @param servers name servers (DHCPv4 option 6, DHCPv6 option 23, RA RDNSS option 25)
 * @param domains search domains (DHCPv4 option 119 or 15, DHCPv6 option 24, RA DNSSL option 31)
 */
public record DnsSource(String origin, List<InetAddress> servers, List<String> domains) {

    public DnsSource {
        servers = servers == null ? List.of() : List.copyOf(servers);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
