package io.mosnet.dhcp.v6.wire;

import io.mosnet.api.net.IpAddresses;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * IA Address option (RFC 8415 section 21.6), inside an IA_NA: an address, its preferred and valid lifetimes and an
 * optional status. A client discards an address whose preferred lifetime exceeds its valid lifetime (section 21.6)
 * and removes one whose valid lifetime is 0 (section 18.2.10.1); {@link #isUsable()} says which applies.
 *
 * @param address   the address
 * @param preferred preferred lifetime
 * @param valid     valid lifetime
 * @param status    the encapsulated status, or null
 */
public record IaAddressOption(Inet6Address address, Lifetime preferred, Lifetime valid, StatusCodeOption status) {

    public static final int CODE = OptionCode.IAADDR;

    public static IaAddressOption decode(byte[] data) {
        WireReader r = new WireReader(data, "IAADDR option");
        Inet6Address address = r.ipv6("IPv6-address");
        Lifetime preferred = Lifetime.ofSeconds(r.u32("preferred-lifetime"));
        Lifetime valid = Lifetime.ofSeconds(r.u32("valid-lifetime"));
        Dhcp6Options inner = Dhcp6Options.parse(r.rest(), "IAADDR options");
        StatusCodeOption status = inner.decode(OptionCode.STATUS_CODE, StatusCodeOption::decode).orElse(null);
        return new IaAddressOption(address, preferred, valid, status);
    }

    /** As a client sends it: lifetimes are 0 because the server ignores them (section 21.6). */
    public static IaAddressOption request(Inet6Address address) {
        return new IaAddressOption(address, Lifetime.ZERO, Lifetime.ZERO, null);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(24).put(address.getAddress()).putInt((int) preferred.seconds())
                .putInt((int) valid.seconds()).array());
        if (status != null) {
            out.writeBytes(Dhcp6Options.builder().add(OptionCode.STATUS_CODE, status.encode()).build().encode());
        }
        return out.toByteArray();
    }

    /** Valid lifetime above 0, not below the preferred one, and no failure status. */
    public boolean isUsable() {
        return !valid.isZero() && preferred.compareTo(valid) <= 0 && (status == null || status.isSuccess());
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + " pref " + preferred + " valid " + valid
                + (status == null ? "" : " " + status);
    }
}
