package io.mosnet.dhcp.v6.wire;

import static io.mosnet.dhcp.v6.wire.Captured.hex;
import static io.mosnet.dhcp.v6.wire.ParseFailure.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.IpAddresses;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixed-size options: PREFERENCE, ELAPSED_TIME, RAPID_COMMIT, UNICAST, SOL_MAX_RT. */
class SmallOptionsTest {

    @Test
    void preferenceIsOneByte() {
        assertEquals(255, PreferenceOption.decode(hex("ff")));
        assertRejected("length must be 1", () -> PreferenceOption.decode(hex("0001")));
    }

    @Test
    void elapsedTimeCountsHundredthsAndSaturates() {
        assertArrayEquals(hex("0096"), ElapsedTimeOption.encode(Duration.ofMillis(1500)));
        assertArrayEquals(hex("ffff"), ElapsedTimeOption.encode(Duration.ofHours(2)));
        assertEquals(0x96, ElapsedTimeOption.decode(hex("0096")));
        assertRejected("length must be 2", () -> ElapsedTimeOption.decode(hex("00")));
    }

    @Test
    void rapidCommitIsEmpty() {
        assertTrue(RapidCommitOption.decode(new byte[0]));
        assertRejected("length must be 0", () -> RapidCommitOption.decode(hex("00")));
    }

    @Test
    void unicastIsOneAddress() {
        assertEquals(IpAddresses.parseIpv6("2001:db8::1"),
                UnicastOption.decode(hex("20010db8000000000000000000000001")));
        assertRejected("length must be 16", () -> UnicastOption.decode(hex("20010db8")));
    }

    @Test
    void solMaxRtOutsideItsRangeIsIgnored() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), SolMaxRtOption.decode(hex("00000078")));
        assertEquals(Optional.empty(), SolMaxRtOption.decode(hex("0000003b")));
        assertEquals(Optional.empty(), SolMaxRtOption.decode(hex("ffffffff")));
        assertRejected("length must be 4", () -> SolMaxRtOption.decode(hex("0078")));
    }
}
