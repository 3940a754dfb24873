package io.mosnet.dhcp.duid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha256Test {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** FIPS 180-4's examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf"). */
    @Test
    void standardVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(new Sha256().digest(new byte[0])));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(new Sha256().digest(ascii("abc"))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex(new Sha256().digest(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
        Sha256 million = new Sha256();
        byte[] thousand = ascii("a".repeat(1000));
        for (int i = 0; i < 999; i++) {
            million.update(thousand);
        }
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex(million.digest(thousand)));
    }

    @Test
    void agreesWithTheJdkOnEveryLengthAroundTheBlockBoundaries() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        Sha256 ours = new Sha256(); // reused: each digest starts over
        for (int len = 0; len <= 200; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), ours.digest(data), "length " + len);
        }
    }
}
