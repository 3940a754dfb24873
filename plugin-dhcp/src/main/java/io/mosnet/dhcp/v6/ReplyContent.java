package io.mosnet.dhcp.v6;

import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.v6.wire.ClientIdOption;
import io.mosnet.dhcp.v6.wire.Dhcp6Message;
import io.mosnet.dhcp.v6.wire.Dhcp6Options;
import io.mosnet.dhcp.v6.wire.Dhcp6ParseException;
import io.mosnet.dhcp.v6.wire.DnsServersOption;
import io.mosnet.dhcp.v6.wire.DomainListOption;
import io.mosnet.dhcp.v6.wire.IaNaOption;
import io.mosnet.dhcp.v6.wire.IaPdOption;
import io.mosnet.dhcp.v6.wire.OptionCode;
import io.mosnet.dhcp.v6.wire.PreferenceOption;
import io.mosnet.dhcp.v6.wire.RapidCommitOption;
import io.mosnet.dhcp.v6.wire.ServerIdOption;
import io.mosnet.dhcp.v6.wire.SolMaxRtOption;
import io.mosnet.dhcp.v6.wire.StatusCodeOption;
import io.mosnet.dhcp.v6.wire.UnicastOption;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an Advertise or Reply says to this client, read once: identifiers, preference, status, our IA_NA and IA_PD
 * (IAs with another IAID, or with T1 above T2, are left out as RFC 8415 sections 21.4 and 21.21 ask), DNS servers
 * and search domains. A broken identifier or IA makes the whole message unusable ({@link Dhcp6ParseException});
 * a broken DNS, domain, preference or SOL_MAX_RT option is only dropped and noted, because the binding is still
 * good without it.
 *
 * @param serverId    the server's DUID, or null when missing
 * @param clientId    the echoed client DUID, or null when missing
 * @param preference  0-255, 0 when absent (section 18.2.9)
 * @param unicast     the server's UNICAST address, or null
 * @param status      the top-level status, or null
 * @param iaNa        our IA_NA, or null
 * @param iaPd        our IA_PD, or null
 * @param dns         DNS servers
 * @param domains     search domains
 * @param solMaxRt    a valid SOL_MAX_RT, or null
 * @param rapidCommit the message carries RAPID_COMMIT
 * @param notes       what was dropped and why, for the log
 */
record ReplyContent(Duid serverId, Duid clientId, int preference, Inet6Address unicast, StatusCodeOption status,
                    IaNaOption iaNa, IaPdOption iaPd, List<Inet6Address> dns, List<String> domains,
                    Duration solMaxRt, boolean rapidCommit, List<String> notes) {

    static ReplyContent read(Dhcp6Message m, long iaid) {
        Dhcp6Options o = m.options();
        List<String> notes = new ArrayList<>();
        Duid server = o.decode(OptionCode.SERVERID, ServerIdOption::decode).orElse(null);
        Duid client = o.decode(OptionCode.CLIENTID, ClientIdOption::decode).orElse(null);
        StatusCodeOption status = o.decode(OptionCode.STATUS_CODE, StatusCodeOption::decode).orElse(null);
        boolean rapid = o.decode(OptionCode.RAPID_COMMIT, RapidCommitOption::decode).orElse(false);

        IaNaOption na = null;
        for (IaNaOption ia : o.decodeAll(OptionCode.IA_NA, IaNaOption::decode)) {
            if (ia.iaid() != iaid) {
                notes.add("IA_NA " + ia.iaid() + " is not ours");
            } else if (!ia.hasValidTimers()) {
                notes.add("IA_NA ignored: T1 " + ia.t1() + " is greater than T2 " + ia.t2() + " (RFC 8415 21.4)");
            } else if (na == null) {
                na = ia;
                if (ia.dropped() > 0) {
                    notes.add("IA_NA: " + ia.dropped() + " addresses beyond " + IaNaOption.MAX_ADDRESSES + " ignored");
                }
            }
        }
        IaPdOption pd = null;
        for (IaPdOption ia : o.decodeAll(OptionCode.IA_PD, IaPdOption::decode)) {
            if (ia.iaid() != iaid) {
                notes.add("IA_PD " + ia.iaid() + " is not ours");
            } else if (!ia.hasValidTimers()) {
                notes.add("IA_PD ignored: T1 " + ia.t1() + " is greater than T2 " + ia.t2() + " (RFC 8415 21.21)");
            } else if (pd == null) {
                pd = ia;
                if (ia.dropped() > 0) {
                    notes.add("IA_PD: " + ia.dropped() + " prefixes beyond " + IaPdOption.MAX_PREFIXES + " ignored");
                }
            }
        }
        int preference = optional(o, OptionCode.PREFERENCE, PreferenceOption::decode, notes, 0);
        Inet6Address unicast = optional(o, OptionCode.UNICAST, UnicastOption::decode, notes, null);
        List<Inet6Address> dns = optional(o, OptionCode.DNS_SERVERS, DnsServersOption::decode, notes,
                new DnsServersOption(List.of())).servers();
        List<String> domains = optional(o, OptionCode.DOMAIN_LIST, DomainListOption::decode, notes,
                new DomainListOption(List.of())).domains();
        Duration solMaxRt = optional(o, OptionCode.SOL_MAX_RT, d -> SolMaxRtOption.decode(d).orElse(null), notes,
                null);
        return new ReplyContent(server, client, preference, unicast, status, na, pd, dns, domains, solMaxRt, rapid,
                notes);
    }

    private static <T> T optional(Dhcp6Options o, int code, Function<byte[], T> decoder, List<String> notes,
                                  T fallback) {
        try {
            return o.decode(code, decoder).orElse(fallback);
        } catch (Dhcp6ParseException e) {
            notes.add("option " + code + " dropped: " + e.getMessage());
            return fallback;
        }
    }

    /** Whether there is at least one usable address or prefix (section 18.2.9: else the Advertise is ignored). */
    boolean hasBindings() {
        return (iaNa != null && iaNa.addresses().stream().anyMatch(a -> a.isUsable()))
                || (iaPd != null && iaPd.prefixes().stream().anyMatch(p -> p.isUsable()));
    }

    /** Whether our IA_NA or IA_PD carries this status code. */
    boolean iaStatus(int code) {
        return (iaNa != null && iaNa.status() != null && iaNa.status().code() == code)
                || (iaPd != null && iaPd.status() != null && iaPd.status().code() == code);
    }

    /** The statuses of the message and its IAs, for the log. */
    String statuses() {
        List<String> s = new ArrayList<>();
        if (status != null) {
            s.add(status.toString());
        }
        if (iaNa != null && iaNa.status() != null) {
            s.add("IA_NA " + iaNa.status());
        }
        if (iaPd != null && iaPd.status() != null) {
            s.add("IA_PD " + iaPd.status());
        }
        return s.isEmpty() ? "no status" : String.join(", ", s);
    }
}
