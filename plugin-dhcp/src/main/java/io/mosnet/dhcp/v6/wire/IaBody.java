package io.mosnet.dhcp.v6.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * What IA_NA (RFC 8415 section 21.4) and IA_PD (section 21.21) have in common: an IAID, T1 and T2, then options
 * holding the IA's leases (IAADDR or IAPREFIX) and its status. At most {@code max} leases are decoded so that a
 * stuffed reply cannot grow without bound; {@code dropped} counts the rest.
 */
record IaBody<T>(long iaid, Lifetime t1, Lifetime t2, List<T> leases, StatusCodeOption status, int dropped) {

    /** Reads an IA named {@code name} (as in error messages: "IA_NA") whose leases are options {@code leaseCode}. */
    static <T> IaBody<T> decode(byte[] data, String name, int leaseCode, int max, Function<byte[], T> lease) {
        WireReader r = new WireReader(data, name + " option");
        long iaid = r.u32("IAID");
        Lifetime t1 = Lifetime.ofSeconds(r.u32("T1"));
        Lifetime t2 = Lifetime.ofSeconds(r.u32("T2"));
        Dhcp6Options inner = Dhcp6Options.parse(r.rest(), name + " options");
        List<byte[]> raw = inner.every(leaseCode);
        List<T> leases = raw.stream().limit(max).map(lease).toList();
        StatusCodeOption status = inner.decode(OptionCode.STATUS_CODE, StatusCodeOption::decode).orElse(null);
        return new IaBody<>(iaid, t1, t2, leases, status, raw.size() - leases.size());
    }

    /**
     * Whether the timers can be used: sections 21.4 and 21.21 have the client discard an IA whose T1 exceeds T2
     * when both are above 0, and go on with the rest of the message as if it were absent.
     */
    static boolean validTimers(Lifetime t1, Lifetime t2) {
        return !(t1.compareTo(t2) > 0 && !t1.isZero() && !t2.isZero());
    }

    /** The wire form: the 12-byte header, each encoded lease as option {@code leaseCode}, then the status if any. */
    static byte[] encode(long iaid, Lifetime t1, Lifetime t2, int leaseCode, List<byte[]> leases,
                         StatusCodeOption status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(12).putInt((int) iaid).putInt((int) t1.seconds())
                .putInt((int) t2.seconds()).array());
        Dhcp6Options.Builder inner = Dhcp6Options.builder();
        leases.forEach(l -> inner.add(leaseCode, l));
        if (status != null) {
            inner.add(OptionCode.STATUS_CODE, status.encode());
        }
        out.writeBytes(inner.build().encode());
        return out.toByteArray();
    }
}
