package io.mosnet.dhcp.duid;

import io.mosnet.api.net.MacAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A DHCP unique identifier (RFC 8415 section 11): a 2-byte type and 1 to 128 bytes of data. Clients compare DUIDs
 * as opaque bytes; the known types are checked for their minimum length so that a malformed one is refused rather
 * than misread. Unknown types (a server may use any) are kept as they are.
 *
 * <p>The DHCPv6 client sends it in CLIENTID and reads servers' in SERVERID; RFC 4361 makes it the stable part of
 * the DHCPv4 client identifier too, so that the host keeps its lease across reboots and NIC changes and presents
 * one identity to both protocols.
 */
public final class Duid {

    /** Link-layer address plus time (section 11.2). */
    public static final int LLT = 1;
    /** Enterprise number plus identifier (section 11.3). */
    public static final int EN = 2;
    /** Link-layer address (section 11.4). */
    public static final int LL = 3;
    /** UUID (RFC 6355 section 4). */
    public static final int UUID_TYPE = 4;

    private static final int HARDWARE_ETHERNET = 1;
    private static final int MAX_DATA = 128;
    /**
     * DUID-LLT counts seconds from 2000-01-01T00:00:00Z (section 11.2): given as seconds, since parsing the text set up
     * java.time's formatters on the way to the first DHCPDISCOVER (1 ms, interpreted).
     */
    private static final Instant DUID_EPOCH = Instant.ofEpochSecond(946_684_800L);

    private final byte[] bytes;

    private Duid(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses the wire form (type and data), checking the lengths of the known types. */
    public static Duid parse(byte[] wire) {
        if (wire.length < 3 || wire.length > 2 + MAX_DATA) {
            throw new DuidParseException("a DUID has a 2-byte type and 1-" + MAX_DATA + " bytes of data, got "
                    + wire.length + " bytes");
        }
        int type = ((wire[0] & 0xff) << 8) | (wire[1] & 0xff);
        int min = switch (type) {
            case LLT -> 2 + 2 + 4 + 1;
            case EN -> 2 + 4 + 1;
            case LL -> 2 + 2 + 1;
            case UUID_TYPE -> 2 + 16;
            default -> 3;
        };
        if (wire.length < min || (type == UUID_TYPE && wire.length != min)) {
            throw new DuidParseException("a DUID of type " + type + " needs " + (type == UUID_TYPE ? "exactly " : "")
                    + min + " bytes, got " + wire.length);
        }
        return new Duid(wire.clone());
    }

    /** DUID-LL (section 11.4): hardware type 1 (Ethernet) and the MAC. */
    public static Duid linkLayer(MacAddress mac) {
        return new Duid(ByteBuffer.allocate(10).putShort((short) LL).putShort((short) HARDWARE_ETHERNET)
                .put(mac.toBytes()).array());
    }

    /** DUID-LLT (section 11.2): hardware type 1, seconds since 2000 (mod 2^32) and the MAC. */
    public static Duid linkLayerTime(MacAddress mac, Instant created) {
        long seconds = Duration.between(DUID_EPOCH, created).toSeconds();
        return new Duid(ByteBuffer.allocate(14).putShort((short) LLT).putShort((short) HARDWARE_ETHERNET)
                .putInt((int) seconds).put(mac.toBytes()).array());
    }

    /** DUID-EN (section 11.3): an IANA enterprise number and an identifier of 1-124 bytes. */
    public static Duid enterprise(long enterpriseNumber, byte[] identifier) {
        if (identifier.length < 1 || identifier.length > MAX_DATA - 4) {
            throw new IllegalArgumentException("a DUID-EN identifier has 1-124 bytes, got " + identifier.length);
        }
        return new Duid(ByteBuffer.allocate(6 + identifier.length).putShort((short) EN)
                .putInt((int) enterpriseNumber).put(identifier).array());
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

    public String hex() {
        return HexFormat.of().formatHex(bytes);
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
        String kind = switch (type()) {
            case LLT -> "LLT";
            case EN -> "EN";
            case LL -> "LL";
            case UUID_TYPE -> "UUID";
            default -> "type " + type();
        };
        return "DUID-" + kind + " " + hex();
    }
}
