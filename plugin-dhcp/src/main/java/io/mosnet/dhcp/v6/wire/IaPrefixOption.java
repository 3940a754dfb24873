package io.mosnet.dhcp.v6.wire;

import io.mosnet.api.net.IpNetwork;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * IA Prefix option (RFC 8415 section 21.22), inside an IA_PD: lifetimes, a prefix length and the prefix. A length
 * over 128 cannot be a prefix and is refused; bits past the length are cleared so that the prefix compares equal
 * however the server padded it. A client discards a prefix whose preferred lifetime exceeds its valid lifetime
 * (section 21.22) and drops one with a valid lifetime of 0 (section 18.2.10.1): see {@link #isUsable()}.
 *
 * @param preferred preferred lifetime
 * @param valid     valid lifetime
 * @param prefix    the delegated prefix, host bits cleared
 * @param status    the encapsulated status, or null
 */
public record IaPrefixOption(Lifetime preferred, Lifetime valid, IpNetwork prefix, StatusCodeOption status) {

    public static final int CODE = OptionCode.IAPREFIX;

    public static IaPrefixOption decode(byte[] data) {
        WireReader r = new WireReader(data, "IAPREFIX option");
        Lifetime preferred = Lifetime.ofSeconds(r.u32("preferred-lifetime"));
        Lifetime valid = Lifetime.ofSeconds(r.u32("valid-lifetime"));
        int length = r.u8("prefix-length");
        if (length > 128) {
            throw new Dhcp6ParseException("IAPREFIX option: prefix length " + length + " is over 128");
        }
        IpNetwork prefix = new IpNetwork(WireReader.toIpv6(masked(r.bytes(16, "IPv6-prefix"), length)), length);
        Dhcp6Options inner = Dhcp6Options.parse(r.rest(), "IAPREFIX options");
        StatusCodeOption status = inner.decode(OptionCode.STATUS_CODE, StatusCodeOption::decode).orElse(null);
        return new IaPrefixOption(preferred, valid, prefix, status);
    }

    /** As a client sends it to renew a prefix: lifetimes 0, the server ignores them (section 21.22). */
    public static IaPrefixOption request(IpNetwork prefix) {
        return new IaPrefixOption(Lifetime.ZERO, Lifetime.ZERO, prefix, null);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(25).putInt((int) preferred.seconds()).putInt((int) valid.seconds())
                .put((byte) prefix.prefixLength()).put(prefix.address().getAddress()).array());
        if (status != null) {
            out.writeBytes(Dhcp6Options.builder().add(OptionCode.STATUS_CODE, status.encode()).build().encode());
        }
        return out.toByteArray();
    }

    /**
     * Clears the bits past {@code length}. Done here rather than with {@link IpNetwork#masked()}, which goes
     * through {@code InetAddress.getByAddress} and would turn {@code ::ffff:0:0/96} into an IPv4 address.
     */
    static byte[] masked(byte[] address, int length) {
        byte[] b = address.clone();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, length - 8 * i));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        return b;
    }

    public boolean isUsable() {
        return !valid.isZero() && preferred.compareTo(valid) <= 0 && (status == null || status.isSuccess());
    }

    @Override
    public String toString() {
        return prefix + " pref " + preferred + " valid " + valid + (status == null ? "" : " " + status);
    }
}
