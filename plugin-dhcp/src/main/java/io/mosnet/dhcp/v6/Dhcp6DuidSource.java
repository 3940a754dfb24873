package io.mosnet.dhcp.v6;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.v6.wire.Duid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the host's DUID comes from. Injectable so that tests and other init systems can supply their own.
 *
 * <p>The default, {@link #machineId(Path)}, is a DUID-UUID (RFC 6355) derived from {@code /etc/machine-id}: the
 * same on every boot and independent of the NIC. machine-id(5) asks that the ID itself never be sent out, so the
 * UUID is an HMAC-SHA256 of a fixed label keyed by the machine ID. The label is the one the DHCPv4 client uses for
 * its RFC 4361 client identifier, so both protocols present one DUID, as RFC 4361 section 6.1 intends. Without a
 * usable machine-id the DUID-LL (RFC 8415 section 11.4) of the uplink is used, stable as long as the NIC is.
 */
@FunctionalInterface
public interface Dhcp6DuidSource {

    /** The DUID for a client whose uplink has this MAC. */
    Duid duid(MacAddress uplinkMac);

    /** Always DUID-LL of the uplink. */
    static Dhcp6DuidSource linkLayer() {
        return Duid::linkLayer;
    }

    /** A fixed DUID. */
    static Dhcp6DuidSource fixed(Duid duid) {
        return mac -> duid;
    }

    /** A DUID-UUID derived from the machine ID in {@code file}, falling back to DUID-LL. */
    static Dhcp6DuidSource machineId(Path file) {
        return mac -> {
            UUID uuid = MachineIdUuid.read(file);
            return uuid == null ? Duid.linkLayer(mac) : Duid.uuid(uuid);
        };
    }

    /** Reading and hashing the machine ID. */
    final class MachineIdUuid {

        private static final Logger LOG = LoggerFactory.getLogger(Dhcp6DuidSource.class);
        /** Shared with the DHCPv4 client; changing it changes every host's DUID. */
        static final byte[] LABEL = "io.mosnet.dhcp duid-uuid".getBytes(StandardCharsets.US_ASCII);

        private MachineIdUuid() {
        }

        static UUID read(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            } catch (NoSuchFileException e) {
                LOG.info("{} does not exist; using DUID-LL as DHCPv6 client identity", file);
                return null;
            } catch (IOException e) {
                LOG.warn("reading {} failed, using DUID-LL as DHCPv6 client identity: {}", file, e.toString());
                return null;
            }
            if (text.length() != 32 || !text.chars().allMatch(HexFormat::isHexDigit)
                    || text.chars().allMatch(c -> c == '0')) {
                LOG.warn("{} does not hold a 128-bit hex machine ID; using DUID-LL as DHCPv6 client identity", file);
                return null;
            }
            return derive(HexFormat.of().parseHex(text));
        }

        static UUID derive(byte[] machineId) {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(machineId, "HmacSHA256"));
                byte[] h = hmac.doFinal(LABEL);
                // RFC 9562 section 5.4 layout: version 4, variant 10.
                h[6] = (byte) ((h[6] & 0x0f) | 0x40);
                h[8] = (byte) ((h[8] & 0x3f) | 0x80);
                ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
                return new UUID(b.getLong(), b.getLong());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }
    }
}
