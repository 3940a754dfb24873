package io.mosnet.dhcp.v6.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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
        WireReader r = new WireReader(data, "IA_NA option");
        long iaid = r.u32("IAID");
        Lifetime t1 = Lifetime.ofSeconds(r.u32("T1"));
        Lifetime t2 = Lifetime.ofSeconds(r.u32("T2"));
        Dhcp6Options inner = Dhcp6Options.parse(r.rest(), "IA_NA options");
        List<byte[]> raw = inner.every(OptionCode.IAADDR);
        List<IaAddressOption> addresses = raw.stream().limit(MAX_ADDRESSES).map(IaAddressOption::decode).toList();
        StatusCodeOption status = inner.decode(OptionCode.STATUS_CODE, StatusCodeOption::decode).orElse(null);
        return new IaNaOption(iaid, t1, t2, addresses, status, raw.size() - addresses.size());
    }

    /** As a client asks for addresses: T1 and T2 0 (the server chooses), with the addresses it has if any. */
    public static IaNaOption request(long iaid, List<IaAddressOption> addresses) {
        return new IaNaOption(iaid, Lifetime.ZERO, Lifetime.ZERO, addresses, null, 0);
    }

    /**
     * Whether the timers can be used: section 21.4 has the client discard an IA_NA whose T1 exceeds T2 when both
     * are above 0, and go on with the rest of the message as if it were absent.
     */
    public boolean hasValidTimers() {
        return !(t1.compareTo(t2) > 0 && !t1.isZero() && !t2.isZero());
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(12).putInt((int) iaid).putInt((int) t1.seconds())
                .putInt((int) t2.seconds()).array());
        Dhcp6Options.Builder inner = Dhcp6Options.builder();
        addresses.forEach(a -> inner.add(OptionCode.IAADDR, a.encode()));
        if (status != null) {
            inner.add(OptionCode.STATUS_CODE, status.encode());
        }
        out.writeBytes(inner.build().encode());
        return out.toByteArray();
    }
}
