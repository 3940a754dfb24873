package io.mosnet.dhcp.duid;

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

/** Reading and hashing the machine ID for {@link DuidSource#machineId(Path)}. */
final class MachineIdUuid {

    private static final Logger LOG = LoggerFactory.getLogger(DuidSource.class);
    /** The application label hashed with the machine ID; changing it changes every host's DUID. */
    private static final byte[] LABEL = "io.mosnet.dhcp duid-uuid".getBytes(StandardCharsets.US_ASCII);

    private MachineIdUuid() {
    }

    static UUID read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            LOG.info("{} does not exist; using DUID-LL as DHCP client identity", file);
            return null;
        } catch (IOException e) {
            LOG.warn("reading {} failed, using DUID-LL as DHCP client identity: {}", file, e.toString());
            return null;
        }
        if (text.length() != 32 || !text.chars().allMatch(HexFormat::isHexDigit)
                || text.chars().allMatch(c -> c == '0')) {
            LOG.warn("{} does not hold a 128-bit hex machine ID; using DUID-LL as DHCP client identity", file);
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
