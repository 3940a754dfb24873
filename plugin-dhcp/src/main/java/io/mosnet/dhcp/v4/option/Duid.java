package io.mosnet.dhcp.v4.option;

import io.mosnet.api.net.MacAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A DHCP unique identifier (RFC 8415 section 11, formerly RFC 3315 section 9): a 2-byte type and up to 128 bytes of
 * data. RFC 4361 makes it the stable part of a DHCPv4 client identifier, so that the host keeps its lease across
 * reboots and NIC changes and shares one identity with its DHCPv6 client.
 */
public final class Duid {

    public static final int LLT = 1;
    public static final int LL = 3;
    /** RFC 6355. */
    public static final int UUID_TYPE = 4;
    private static final int HARDWARE_ETHERNET = 1;
    private static final int MAX_DATA = 128;
    /** DUID-LLT counts seconds from 2000-01-01T00:00:00Z (RFC 8415 section 11.2). */
    private static final Instant DUID_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final byte[] bytes;

    private Duid(byte[] bytes) {
        if (bytes.length < 3 || bytes.length > 2 + MAX_DATA) {
            throw new DhcpParseException("a DUID has a 2-byte type and 1-" + MAX_DATA + " bytes of data, got "
                    + bytes.length + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** Parses the wire form (type and data). */
    public static Duid of(byte[] wire) {
        return new Duid(wire);
    }

    /** DUID-LL (RFC 8415 section 11.4): hardware type 1 and the MAC. */
    public static Duid linkLayer(MacAddress mac) {
        return new Duid(ByteBuffer.allocate(10).putShort((short) LL).putShort((short) HARDWARE_ETHERNET)
                .put(mac.toBytes()).array());
    }

    /** DUID-LLT (RFC 8415 section 11.2): hardware type 1, seconds since 2000 and the MAC. */
    public static Duid linkLayerTime(MacAddress mac, Instant created) {
        long seconds = Duration.between(DUID_EPOCH, created).toSeconds();
        return new Duid(ByteBuffer.allocate(14).putShort((short) LLT).putShort((short) HARDWARE_ETHERNET)
                .putInt((int) seconds).put(mac.toBytes()).array());
    }

    /** DUID-UUID (RFC 6355 section 4): the 16 bytes of a UUID. */
    public static Duid uuid(UUID uuid) {
        return new Duid(ByteBuffer.allocate(18).putShort((short) UUID_TYPE).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    public int type() {
        return ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Duid d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
