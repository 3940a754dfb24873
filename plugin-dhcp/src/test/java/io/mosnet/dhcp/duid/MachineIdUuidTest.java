package io.mosnet.dhcp.duid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MachineIdUuidTest {

    private static byte[] jdkHmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    @Test
    void hmacMatchesRfc4231TestCase2() throws Exception {
        byte[] h = MachineIdUuid.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(h));
    }

    @Test
    void hmacMatchesTheJdksForShortLongAndBlockSizedKeys() throws Exception {
        byte[] message = "mosnet".getBytes(StandardCharsets.US_ASCII);
        for (int len : new int[] {1, 16, 63, 64, 65, 131}) {
            byte[] key = new byte[len];
            for (int i = 0; i < len; i++) {
                key[i] = (byte) (i * 7 + 3);
            }
            assertArrayEquals(jdkHmac(key, message), MachineIdUuid.hmacSha256(key, message), "key of " + len);
        }
    }

    @Test
    void derivedUuidIsAVersion4VariantOneUuid() {
        var uuid = MachineIdUuid.derive(HexFormat.of().parseHex("0123456789abcdef0123456789abcdef"));
        assertEquals(4, uuid.version());
        assertEquals(2, uuid.variant());
    }
}
