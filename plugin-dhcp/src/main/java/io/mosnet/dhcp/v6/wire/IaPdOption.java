package io.mosnet.dhcp.v6.wire;

import java.util.List;

/**
 * Identity Association for Prefix Delegation (RFC 8415 section 21.21): an IAID, T1 and T2, and the prefixes
 * (IAPREFIX) and status inside. A reply stuffed with prefixes is cut to {@link #MAX_PREFIXES}; {@link #dropped()}
 * counts the ignored rest so the client can say so.
 *
 * @param iaid     the IAID, 32 bits
 * @param t1       when to renew
 * @param t2       when to rebind
 * @param prefixes the delegated prefixes, in order
 * @param status   the IA's status, or null
 * @param dropped  prefixes beyond the cap that were ignored
 */
public record IaPdOption(long iaid, Lifetime t1, Lifetime t2, List<IaPrefixOption> prefixes,
                         StatusCodeOption status, int dropped) {

    public static final int CODE = OptionCode.IA_PD;
    public static final int MAX_PREFIXES = 16;

    public IaPdOption {
        prefixes = List.copyOf(prefixes);
    }

    public static IaPdOption decode(byte[] data) {
        IaBody<IaPrefixOption> b = IaBody.decode(data, "IA_PD", OptionCode.IAPREFIX, MAX_PREFIXES,
                IaPrefixOption::decode);
        return new IaPdOption(b.iaid(), b.t1(), b.t2(), b.leases(), b.status(), b.dropped());
    }

    /** As a client asks for prefixes: T1 and T2 0, with the prefixes it holds if any. */
    public static IaPdOption request(long iaid, List<IaPrefixOption> prefixes) {
        return new IaPdOption(iaid, Lifetime.ZERO, Lifetime.ZERO, prefixes, null, 0);
    }

    /** Whether the timers can be used (section 21.21, see {@link IaBody#validTimers}). */
    public boolean hasValidTimers() {
        return IaBody.validTimers(t1, t2);
    }

    public byte[] encode() {
        return IaBody.encode(iaid, t1, t2, OptionCode.IAPREFIX, prefixes.stream().map(IaPrefixOption::encode).toList(),
                status);
    }
}
