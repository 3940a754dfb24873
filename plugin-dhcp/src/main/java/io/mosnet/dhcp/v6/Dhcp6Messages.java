package io.mosnet.dhcp.v6;

import io.mosnet.api.net.IpNetwork;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.v6.wire.ClientIdOption;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.Dhcp6Options;
import io.mosnet.dhcp.v6.wire.ElapsedTimeOption;
import io.mosnet.dhcp.v6.wire.IaAddressOption;
import io.mosnet.dhcp.v6.wire.IaNaOption;
import io.mosnet.dhcp.v6.wire.IaPdOption;
import io.mosnet.dhcp.v6.wire.IaPrefixOption;
import io.mosnet.dhcp.v6.wire.MessageType;
import io.mosnet.dhcp.v6.wire.OptionCode;
import io.mosnet.dhcp.v6.wire.OptionRequestOption;
import io.mosnet.dhcp.v6.wire.RapidCommitOption;
import io.mosnet.dhcp.v6.wire.ServerIdOption;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;

/**
 * The messages the client sends, one factory per protocol step (RFC 8415 sections 18.2.1 to 18.2.5). Every message
 * carries the client's DUID, the elapsed time and an ORO asking for DNS servers, search domains and SOL_MAX_RT
 * (which section 21.24 requires clients to request).
 */
final class Dhcp6Messages {

    private static final OptionRequestOption ORO = OptionRequestOption.of(OptionCode.DNS_SERVERS,
            OptionCode.DOMAIN_LIST, OptionCode.SOL_MAX_RT);

    private Dhcp6Messages() {
    }

    /** Section 18.2.1: IAs empty or with address hints, Rapid Commit when configured. */
    static Dhcp6Message solicit(int xid, Dhcp6Identity id, Dhcp6ClientSettings s, List<Inet6Address> hints,
                                Duration elapsed) {
        Dhcp6Options.Builder o = common(id, null, elapsed);
        if (s.rapidCommit()) {
            o.add(OptionCode.RAPID_COMMIT, RapidCommitOption.encode());
        }
        return new Dhcp6Message(MessageType.SOLICIT, xid, ias(o, id, s, hints, List.of()).build());
    }

    static Dhcp6Message solicit(int xid, Dhcp6Identity id, Dhcp6ClientSettings s, Duration elapsed) {
        return solicit(xid, id, s, List.of(), elapsed);
    }

    /** Section 18.2.2: to the chosen server, asking for what it advertised (or what we held, after NoBinding). */
    static Dhcp6Message request(int xid, Dhcp6Identity id, Dhcp6ClientSettings s, Duid server,
                                List<Inet6Address> addresses, List<IpNetwork> prefixes, Duration elapsed) {
        return new Dhcp6Message(MessageType.REQUEST, xid,
                ias(common(id, server, elapsed), id, s, addresses, prefixes).build());
    }

    /** Section 18.2.4: to the server that gave the lease, with everything it holds. */
    static Dhcp6Message renew(int xid, Dhcp6Identity id, Dhcp6ClientSettings s, Dhcp6Lease lease,
                              Duration elapsed) {
        return new Dhcp6Message(MessageType.RENEW, xid, ias(common(id, lease.serverId(), elapsed), id, s,
                held(lease), heldPrefixes(lease)).build());
    }

    /** Section 18.2.5: like Renew but to any server, so without a server identifier. */
    static Dhcp6Message rebind(int xid, Dhcp6Identity id, Dhcp6ClientSettings s, Dhcp6Lease lease,
                               Duration elapsed) {
        return new Dhcp6Message(MessageType.REBIND, xid, ias(common(id, null, elapsed), id, s, held(lease),
                heldPrefixes(lease)).build());
    }

    /**
     * Section 18.2.8: to the server that gave the lease, naming in IA_NA only the address the link already uses; the
     * client identifier, the server identifier and the elapsed time, nothing else.
     */
    static Dhcp6Message decline(int xid, Dhcp6Identity id, Duid server, Inet6Address address, Duration elapsed) {
        Dhcp6Options.Builder o = Dhcp6Options.builder().add(OptionCode.CLIENTID, ClientIdOption.encode(id.duid()))
                .add(OptionCode.SERVERID, ServerIdOption.encode(server))
                .add(OptionCode.ELAPSED_TIME, ElapsedTimeOption.encode(elapsed))
                .add(OptionCode.IA_NA, IaNaOption.request(id.iaid(), List.of(IaAddressOption.request(address)))
                        .encode());
        return new Dhcp6Message(MessageType.DECLINE, xid, o.build());
    }

    static List<Inet6Address> held(Dhcp6Lease lease) {
        return lease.addresses().stream().map(Dhcp6Lease.LeasedAddress::address).toList();
    }

    static List<IpNetwork> heldPrefixes(Dhcp6Lease lease) {
        return lease.prefixes().stream().map(Dhcp6Lease.LeasedPrefix::prefix).toList();
    }

    private static Dhcp6Options.Builder common(Dhcp6Identity id, Duid server, Duration elapsed) {
        Dhcp6Options.Builder o = Dhcp6Options.builder().add(OptionCode.CLIENTID, ClientIdOption.encode(id.duid()));
        if (server != null) {
            o.add(OptionCode.SERVERID, ServerIdOption.encode(server));
        }
        return o.add(OptionCode.ELAPSED_TIME, ElapsedTimeOption.encode(elapsed))
                .add(OptionCode.ORO, ORO.encode());
    }

    private static Dhcp6Options.Builder ias(Dhcp6Options.Builder o, Dhcp6Identity id, Dhcp6ClientSettings s,
                                            List<Inet6Address> addresses, List<IpNetwork> prefixes) {
        if (s.requestAddress()) {
            o.add(OptionCode.IA_NA, IaNaOption.request(id.iaid(),
                    addresses.stream().map(IaAddressOption::request).toList()).encode());
        }
        if (s.prefixDelegation()) {
            o.add(OptionCode.IA_PD, IaPdOption.request(id.iaid(),
                    prefixes.stream().map(IaPrefixOption::request).toList()).encode());
        }
        return o;
    }
}
