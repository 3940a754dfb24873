package io.mosnet.dhcp.v6;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.v6.wire.ClientIdOption;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.Dhcp6Options;
import io.mosnet.dhcp.v6.wire.DnsServersOption;
import io.mosnet.dhcp.v6.wire.DomainListOption;
import io.mosnet.dhcp.v6.wire.IaAddressOption;
import io.mosnet.dhcp.v6.wire.IaNaOption;
import io.mosnet.dhcp.v6.wire.IaPdOption;
import io.mosnet.dhcp.v6.wire.IaPrefixOption;
import io.mosnet.dhcp.v6.wire.Lifetime;
import io.mosnet.dhcp.v6.wire.MessageType;
import io.mosnet.dhcp.v6.wire.OptionCode;
import io.mosnet.dhcp.v6.wire.PreferenceOption;
import io.mosnet.dhcp.v6.wire.RapidCommitOption;
import io.mosnet.dhcp.v6.wire.ServerIdOption;
import io.mosnet.dhcp.v6.wire.StatusCodeOption;
import io.mosnet.dhcp.v6.wire.UnicastOption;
import java.util.ArrayList;
import java.util.List;

/** Builds Advertise and Reply answers to what the client sent, the way a server would. */
final class FakeServer {

    static final Duid SERVER_A = Duid.enterprise(2495, new byte[] {'a'});
    static final Duid SERVER_B = Duid.enterprise(2495, new byte[] {'b'});

    private final Dhcp6Message to;
    private MessageType type = MessageType.REPLY;
    private Duid server = SERVER_A;
    private Duid client;
    private int xid;
    private Integer preference;
    private long t1 = 20;
    private long t2 = 32;
    private Long pdT1;
    private Long pdT2;
    private final List<IaAddressOption> addresses = new ArrayList<>();
    private final List<IaPrefixOption> prefixes = new ArrayList<>();
    private StatusCodeOption naStatus;
    private StatusCodeOption pdStatus;
    private StatusCodeOption status;
    private boolean rapidCommit;
    private String unicast;
    private boolean withNa = true;
    private boolean withPd;
    private List<String> dns = List.of("2001:db8:53::53");
    private List<String> domains = List.of("lab.example");

    private FakeServer(Dhcp6Message to) {
        this.to = to;
        this.xid = to.transactionId();
        this.client = to.options().decode(OptionCode.CLIENTID, ClientIdOption::decode).orElseThrow();
    }

    static FakeServer advertise(Dhcp6Message solicit) {
        FakeServer f = new FakeServer(solicit);
        f.type = MessageType.ADVERTISE;
        return f;
    }

    static FakeServer reply(Dhcp6Message request) {
        return new FakeServer(request);
    }

    FakeServer server(Duid d) {
        server = d;
        return this;
    }

    FakeServer client(Duid d) {
        client = d;
        return this;
    }

    FakeServer xid(int x) {
        xid = x;
        return this;
    }

    FakeServer preference(int p) {
        preference = p;
        return this;
    }

    FakeServer timers(long t1, long t2) {
        this.t1 = t1;
        this.t2 = t2;
        return this;
    }

    FakeServer pdTimers(long t1, long t2) {
        this.pdT1 = t1;
        this.pdT2 = t2;
        return this;
    }

    FakeServer address(String a, long preferred, long valid) {
        addresses.add(new IaAddressOption(IpAddresses.parseIpv6(a), Lifetime.ofSeconds(preferred),
                Lifetime.ofSeconds(valid), null));
        return this;
    }

    FakeServer prefix(String p, long preferred, long valid) {
        withPd = true;
        prefixes.add(new IaPrefixOption(Lifetime.ofSeconds(preferred), Lifetime.ofSeconds(valid),
                IpNetwork.parse(p), null));
        return this;
    }

    FakeServer noAddresses() {
        naStatus = new StatusCodeOption(StatusCodeOption.NO_ADDRS_AVAIL, "no addresses");
        return this;
    }

    FakeServer naStatus(int code) {
        naStatus = new StatusCodeOption(code, "");
        return this;
    }

    FakeServer noPrefixes() {
        withPd = true;
        pdStatus = new StatusCodeOption(StatusCodeOption.NO_PREFIX_AVAIL, "no prefixes");
        return this;
    }

    FakeServer status(int code) {
        status = new StatusCodeOption(code, "");
        return this;
    }

    FakeServer rapidCommit() {
        rapidCommit = true;
        return this;
    }

    FakeServer unicast(String a) {
        unicast = a;
        return this;
    }

    FakeServer withoutIaNa() {
        withNa = false;
        return this;
    }

    byte[] bytes() {
        Dhcp6Options.Builder o = Dhcp6Options.builder();
        if (server != null) {
            o.add(OptionCode.SERVERID, ServerIdOption.encode(server));
        }
        if (client != null) {
            o.add(OptionCode.CLIENTID, ClientIdOption.encode(client));
        }
        if (preference != null) {
            o.add(OptionCode.PREFERENCE, PreferenceOption.encode(preference));
        }
        if (status != null) {
            o.add(OptionCode.STATUS_CODE, status.encode());
        }
        if (rapidCommit) {
            o.add(OptionCode.RAPID_COMMIT, RapidCommitOption.encode());
        }
        if (unicast != null) {
            o.add(OptionCode.UNICAST, UnicastOption.encode(IpAddresses.parseIpv6(unicast)));
        }
        long iaid = to.options().decode(OptionCode.IA_NA, IaNaOption::decode).map(IaNaOption::iaid)
                .or(() -> to.options().decode(OptionCode.IA_PD, IaPdOption::decode).map(IaPdOption::iaid))
                .orElse(0L);
        if (withNa) {
            o.add(OptionCode.IA_NA, new IaNaOption(iaid, Lifetime.ofSeconds(t1), Lifetime.ofSeconds(t2), addresses,
                    naStatus, 0).encode());
        }
        if (withPd) {
            o.add(OptionCode.IA_PD, new IaPdOption(iaid, Lifetime.ofSeconds(pdT1 == null ? t1 : pdT1),
                    Lifetime.ofSeconds(pdT2 == null ? t2 : pdT2), prefixes,
                    pdStatus, 0).encode());
        }
        o.add(OptionCode.DNS_SERVERS, new DnsServersOption(dns.stream().map(IpAddresses::parseIpv6).toList())
                .encode());
        o.add(OptionCode.DOMAIN_LIST, new DomainListOption(domains).encode());
        return new Dhcp6Message(type, xid, o.build()).encode();
    }
}
