package io.mosnet.dhcp.v6.wire;

import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

/** DNS Recursive Name Server option (RFC 3646 section 3): IPv6 addresses, 16 bytes each. */
public record DnsServersOption(List<Inet6Address> servers) {

    public static final int CODE = OptionCode.DNS_SERVERS;
    /** resolv.conf uses three; a few more leave room for merging, and a flood is cut here. */
    public static final int MAX_SERVERS = 16;

    public DnsServersOption {
        servers = List.copyOf(servers);
    }

    public static DnsServersOption decode(byte[] data) {
        if (data.length % 16 != 0) {
            throw new Dhcp6ParseException("DNS_SERVERS option: length " + data.length + " is not a multiple of 16");
        }
        WireReader r = new WireReader(data, "DNS_SERVERS option");
        List<Inet6Address> list = new ArrayList<>();
        while (r.remaining() > 0 && list.size() < MAX_SERVERS) {
            list.add(r.ipv6("DNS server address"));
        }
        return new DnsServersOption(list);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        servers.forEach(s -> out.writeBytes(s.getAddress()));
        return out.toByteArray();
    }
}
