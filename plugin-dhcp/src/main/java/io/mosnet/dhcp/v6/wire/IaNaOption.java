package io.mosnet.dhcp.v6.wire;

import java.util.List;

/**
 * Identity Association for Non-temporary Addresses (RFC 8415 section 21.4): an IAID, T1 and T2, and the addresses
 * (IAADDR) and status inside. At most {@link #MAX_ADDRESSES} addresses are kept; {@link #dropped()} counts the rest.
 *
 * @param iaid      the IAID, 32 bits
 * @param t1        when to renew, relative to the reply
 * @param t2        when to rebind
 * @param addresses the addresses, in order
 * @param status    the IA's status, or null
 * @param dropped   addresses beyond the cap that were ignored
 */
public record IaNaOption(long iaid, Lifetime t1, Lifetime t2, List<IaAddressOption> addresses,
                         StatusCodeOption status, int dropped) {

    public static final int CODE = OptionCode.IA_NA;
    public static final int MAX_ADDRESSES = 16;

    public IaNaOption {
        addresses = List.copyOf(addresses);
    }

    public static IaNaOption decode(byte[] data) {
        IaBody<IaAddressOption> b = IaBody.decode(data, "IA_NA", OptionCode.IAADDR, MAX_ADDRESSES,
                IaAddressOption::decode);
        return new IaNaOption(b.iaid(), b.t1(), b.t2(), b.leases(), b.status(), b.dropped());
    }

    /** As a client asks for addresses: T1 and T2 0 (the server chooses), with the addresses it has if any. */
    public static IaNaOption request(long iaid, List<IaAddressOption> addresses) {
        return new IaNaOption(iaid, Lifetime.ZERO, Lifetime.ZERO, addresses, null, 0);
    }

    /** Whether the timers can be used (section 21.4, see {@link IaBody#validTimers}). */
    public boolean hasValidTimers() {
        return IaBody.validTimers(t1, t2);
    }

    public byte[] encode() {
        return IaBody.encode(iaid, t1, t2, OptionCode.IAADDR, addresses.stream().map(IaAddressOption::encode).toList(),
                status);
    }
}
