package io.mosnet.dhcp.v6;

import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.v6.wire.IaAddressOption;
import io.mosnet.dhcp.v6.wire.IaPrefixOption;
import io.mosnet.dhcp.v6.wire.Lifetime;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The addresses and prefixes the client holds, with their deadlines. A null deadline means infinity
 * ({@code 0xffffffff}, RFC 8415 section 7.7), which is never turned into a date.
 *
 * <p>T1 and T2 are fixed in {@link #from} and nowhere else: the earliest T1 and T2 of the IAs (section 18.2.4 sends
 * one Renew for all of them); where the server left them 0, 0.5 and 0.8 of the shortest preferred lifetime, or of
 * the shortest valid lifetime when the preferred one is 0 (section 21.4); T1 and T2 no later than the last valid
 * lifetime ends (an address the server lets lapse earlier simply goes when its own lifetime ends); T1 not before
 * {@link #MIN_RENEW} and never after T2. The constructor asserts renew &lt;= rebind &lt;= expiry.
 *
 * @param serverId   the DUID of the server that answered
 * @param server     the address the answer came from
 * @param unicast    the server's UNICAST option, or null (then Renew is multicast)
 * @param addresses  usable IA_NA addresses
 * @param prefixes   usable delegated prefixes
 * @param dns        DNS servers
 * @param domains    search domains
 * @param obtainedAt when the reply was received
 * @param renewAt    T1, or null for never
 * @param rebindAt   T2, or null for never
 * @param expiresAt  when the last address or prefix ends, or null for never
 */
public record Dhcp6Lease(Duid serverId, Inet6Address server, Inet6Address unicast, List<LeasedAddress> addresses,
                         List<LeasedPrefix> prefixes, List<Inet6Address> dns, List<String> domains,
                         Instant obtainedAt, Instant renewAt, Instant rebindAt, Instant expiresAt) {

    static final Duration MIN_RENEW = Duration.ofSeconds(1);

    /** An IA_NA address and its deadlines (null: infinite). */
    public record LeasedAddress(Inet6Address address, Instant preferredUntil, Instant validUntil) {
        @Override
        public String toString() {
            return IpAddresses.format(address) + " until " + (validUntil == null ? "forever" : validUntil);
        }
    }

    /** A delegated prefix and its deadlines (null: infinite). */
    public record LeasedPrefix(IpNetwork prefix, Instant preferredUntil, Instant validUntil) {
        @Override
        public String toString() {
            return prefix + " until " + (validUntil == null ? "forever" : validUntil);
        }
    }

    public Dhcp6Lease {
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        dns = List.copyOf(dns);
        domains = List.copyOf(domains);
        if (!notAfter(renewAt, rebindAt) || !notAfter(rebindAt, expiresAt) || !notAfter(obtainedAt, renewAt)) {
            throw new IllegalStateException("lease times out of order: obtained " + obtainedAt + ", T1 " + renewAt
                    + ", T2 " + rebindAt + ", expiry " + expiresAt);
        }
    }

    /** a <= b where null is infinity. */
    private static boolean notAfter(Instant a, Instant b) {
        return b == null || (a != null && !a.isAfter(b));
    }

    /**
     * The lease a Reply gives. With {@code previous} (a Renew or Rebind), addresses and prefixes the server did not
     * mention stay until their own lifetimes end (section 18.2.10.1), while those it gave a valid lifetime of 0 go.
     */
    static Dhcp6Lease from(ReplyContent reply, Inet6Address server, Instant now, Dhcp6Lease previous) {
        List<LeasedAddress> addresses = new ArrayList<>();
        List<LeasedPrefix> prefixes = new ArrayList<>();
        List<Lifetime[]> timers = new ArrayList<>();
        Set<Inet6Address> mentionedAddresses = Set.of();
        Set<IpNetwork> mentionedPrefixes = Set.of();

        if (reply.iaNa() != null) {
            List<IaAddressOption> usable = reply.iaNa().addresses().stream().filter(IaAddressOption::isUsable)
                    .toList();
            mentionedAddresses = reply.iaNa().addresses().stream().map(IaAddressOption::address)
                    .collect(Collectors.toSet());
            usable.forEach(a -> addresses.add(new LeasedAddress(a.address(), a.preferred().deadline(now),
                    a.valid().deadline(now))));
            if (!usable.isEmpty()) {
                Lifetime pref = usable.stream().map(IaAddressOption::preferred).min(Comparator.naturalOrder())
                        .orElseThrow();
                Lifetime valid = usable.stream().map(IaAddressOption::valid).min(Comparator.naturalOrder())
                        .orElseThrow();
                timers.add(timers(reply.iaNa().t1(), reply.iaNa().t2(), pref, valid));
            }
        }
        if (reply.iaPd() != null) {
            List<IaPrefixOption> usable = reply.iaPd().prefixes().stream().filter(IaPrefixOption::isUsable).toList();
            mentionedPrefixes = reply.iaPd().prefixes().stream().map(IaPrefixOption::prefix)
                    .collect(Collectors.toSet());
            usable.forEach(p -> prefixes.add(new LeasedPrefix(p.prefix(), p.preferred().deadline(now),
                    p.valid().deadline(now))));
            if (!usable.isEmpty()) {
                Lifetime pref = usable.stream().map(IaPrefixOption::preferred).min(Comparator.naturalOrder())
                        .orElseThrow();
                Lifetime valid = usable.stream().map(IaPrefixOption::valid).min(Comparator.naturalOrder())
                        .orElseThrow();
                timers.add(timers(reply.iaPd().t1(), reply.iaPd().t2(), pref, valid));
            }
        }
        if (previous != null) {
            Set<Inet6Address> seenA = mentionedAddresses;
            Set<IpNetwork> seenP = mentionedPrefixes;
            previous.addresses().stream().filter(a -> !seenA.contains(a.address()))
                    .filter(a -> a.validUntil() == null || a.validUntil().isAfter(now)).forEach(addresses::add);
            previous.prefixes().stream().filter(p -> !seenP.contains(p.prefix()))
                    .filter(p -> p.validUntil() == null || p.validUntil().isAfter(now)).forEach(prefixes::add);
        }

        Lifetime t1 = timers.stream().map(t -> t[0]).min(Comparator.naturalOrder()).orElse(Lifetime.INFINITE);
        Lifetime t2 = timers.stream().map(t -> t[1]).min(Comparator.naturalOrder()).orElse(Lifetime.INFINITE);
        if (!t1.isInfinite() && t1.seconds() < MIN_RENEW.toSeconds()) {
            t1 = Lifetime.ofSeconds(MIN_RENEW.toSeconds());
        }
        if (t2.compareTo(t1) < 0) {
            t2 = t1;
        }
        Instant expires = Stream.concat(addresses.stream().map(LeasedAddress::validUntil),
                prefixes.stream().map(LeasedPrefix::validUntil)).reduce(now, Dhcp6Lease::later);
        Instant renewAt = t1.deadline(now);
        Instant rebindAt = t2.deadline(now);
        // A prefix kept from an earlier Reply may end before the minimum T1: renew by then at the latest.
        if (expires != null && rebindAt != null && rebindAt.isAfter(expires)) {
            rebindAt = expires;
        }
        if (expires != null && renewAt != null && renewAt.isAfter(expires)) {
            renewAt = expires;
        }
        if (expires != null && renewAt == null) {
            renewAt = expires;
        }
        if (expires != null && rebindAt == null) {
            rebindAt = expires;
        }
        return new Dhcp6Lease(reply.serverId(), server, reply.unicast(), addresses, prefixes, reply.dns(),
                reply.domains(), now, renewAt, rebindAt, expires);
    }

    /**
     * T1 and T2 of one IA, with the section 21.4 defaults where the server sent 0: 0.5 and 0.8 of the shortest
     * preferred lifetime, or of the shortest valid lifetime when everything is already deprecated (preferred 0),
     * so that a deprecated binding is renewed in time but not in a loop.
     */
    private static Lifetime[] timers(Lifetime t1, Lifetime t2, Lifetime shortestPreferred, Lifetime shortestValid) {
        if (t1.isZero() || t2.isZero()) {
            Lifetime base = shortestPreferred.isZero() ? shortestValid : shortestPreferred;
            return new Lifetime[] {base.times(0.5), base.times(0.8)};
        }
        return new Lifetime[] {t1, t2};
    }

    /** The later of two deadlines, null (infinity) winning. */
    private static Instant later(Instant a, Instant b) {
        return a == null || b == null ? null : (a.isAfter(b) ? a : b);
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && prefixes.isEmpty();
    }

    /** The earliest end of any address or prefix, or null when all are infinite. */
    Instant nextExpiry() {
        return Stream.concat(addresses.stream().map(LeasedAddress::validUntil),
                prefixes.stream().map(LeasedPrefix::validUntil)).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** This lease without {@code address} (declined); its timers as they were. */
    Dhcp6Lease without(Inet6Address address) {
        List<LeasedAddress> a = addresses.stream().filter(x -> !x.address().equals(address)).toList();
        return new Dhcp6Lease(serverId, server, unicast, a, prefixes, dns, domains, obtainedAt, renewAt, rebindAt,
                expiresAt);
    }

    /** This lease without what has ended by {@code now}; the same object when nothing did. */
    Dhcp6Lease withoutExpired(Instant now) {
        Predicate<Instant> alive = until -> until == null || until.isAfter(now);
        List<LeasedAddress> a = addresses.stream().filter(x -> alive.test(x.validUntil())).toList();
        List<LeasedPrefix> p = prefixes.stream().filter(x -> alive.test(x.validUntil())).toList();
        if (a.size() == addresses.size() && p.size() == prefixes.size()) {
            return this;
        }
        Instant expires = Stream.concat(a.stream().map(LeasedAddress::validUntil),
                p.stream().map(LeasedPrefix::validUntil)).reduce(now, Dhcp6Lease::later);
        Instant rebind = rebindAt == null || (expires != null && rebindAt.isAfter(expires)) ? expires : rebindAt;
        Instant renew = renewAt == null || (rebind != null && renewAt.isAfter(rebind)) ? rebind : renewAt;
        return new Dhcp6Lease(serverId, server, unicast, a, p, dns, domains, obtainedAt, renew, rebind, expires);
    }

    @Override
    public String toString() {
        return "addresses " + addresses + ", prefixes " + prefixes + ", T1 " + renewAt + ", T2 " + rebindAt
                + ", server " + serverId;
    }
}
