package io.mosnet.dhcp.v6.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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
        WireReader r = new WireReader(data, "IA_PD option");
        long iaid = r.u32("IAID");
        Lifetime t1 = Lifetime.ofSeconds(r.u32("T1"));
        Lifetime t2 = Lifetime.ofSeconds(r.u32("T2"));
        Dhcp6Options inner = Dhcp6Options.parse(r.rest(), "IA_PD options");
        List<byte[]> raw = inner.every(OptionCode.IAPREFIX);
        List<IaPrefixOption> prefixes = raw.stream().limit(MAX_PREFIXES).map(IaPrefixOption::decode).toList();
        StatusCodeOption status = inner.decode(OptionCode.STATUS_CODE, StatusCodeOption::decode).orElse(null);
        return new IaPdOption(iaid, t1, t2, prefixes, status, raw.size() - prefixes.size());
    }

    /** As a client asks for prefixes: T1 and T2 0, with the prefixes it holds if any. */
    public static IaPdOption request(long iaid, List<IaPrefixOption> prefixes) {
        return new IaPdOption(iaid, Lifetime.ZERO, Lifetime.ZERO, prefixes, null, 0);
    }

    /** Section 21.21: an IA_PD with T1 greater than T2, both above 0, is discarded. */
    public boolean hasValidTimers() {
        return !(t1.compareTo(t2) > 0 && !t1.isZero() && !t2.isZero());
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(12).putInt((int) iaid).putInt((int) t1.seconds())
                .putInt((int) t2.seconds()).array());
        Dhcp6Options.Builder inner = Dhcp6Options.builder();
        prefixes.forEach(p -> inner.add(OptionCode.IAPREFIX, p.encode()));
        if (status != null) {
            inner.add(OptionCode.STATUS_CODE, status.encode());
        }
        out.writeBytes(inner.build().encode());
        return out.toByteArray();
    }
}
