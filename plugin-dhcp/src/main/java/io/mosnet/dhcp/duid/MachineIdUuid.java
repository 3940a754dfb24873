package io.mosnet.dhcp.duid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;
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

    /**
     * HMAC-SHA256 (RFC 2104) over mosnet's {@link Sha256}: {@code Mac.getInstance} would set up every installed
     * security provider in turn (elliptic curve tables included), and even {@code MessageDigest} the first of them,
     * milliseconds before the first DHCPDISCOVER.
     */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        Sha256 sha = new Sha256();
        int block = 64;
        byte[] k = key.length > block ? sha.digest(key) : key;
        byte[] inner = new byte[block];
        byte[] outer = new byte[block];
        for (int i = 0; i < block; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha.update(inner);
        byte[] innerHash = sha.digest(message);
        sha.update(outer);
        return sha.digest(innerHash);
    }

    static UUID derive(byte[] machineId) {
        byte[] h = hmacSha256(machineId, LABEL);
        // RFC 9562 section 5.4 layout: version 4, variant 10.
        h[6] = (byte) ((h[6] & 0x0f) | 0x40);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
