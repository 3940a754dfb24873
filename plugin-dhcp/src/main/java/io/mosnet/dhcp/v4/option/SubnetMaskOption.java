package io.mosnet.dhcp.v4.option;

/**
 * Subnet mask, option 1 (RFC 2132 section 3.3): four bytes. mosnet keeps it as a prefix length, so a mask whose one
 * bits are not contiguous (allowed by old RFC 950 hosts, meaningless for Linux addresses) is rejected.
 */
public final class SubnetMaskOption {

    public static final int CODE = OptionCode.SUBNET_MASK;

    private SubnetMaskOption() {
    }

    public static int decodePrefixLength(byte[] data) {
        OptionBytes.requireLength(CODE, "subnet mask", data, 4);
        int mask = (int) OptionBytes.uint32(data, 0);
        int prefix = Integer.bitCount(mask);
        int expected = prefix == 0 ? 0 : -1 << (32 - prefix);
        if (mask != expected) {
            throw new DhcpParseException("option 1 (subnet mask): " + Ipv4.of(mask).getHostAddress()
                    + " is not a contiguous mask");
        }
        return prefix;
    }

    public static byte[] encode(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range 0-32");
        }
        return OptionBytes.encodeUint32(prefixLength == 0 ? 0 : (-1L << (32 - prefixLength)) & 0xffff_ffffL);
    }
}
