package io.mosnet.dhcp.v6.wire;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * SOL_MAX_RT option (RFC 8415 section 21.24): the server's cap on the Solicit retransmission timeout. Values outside
 * 60-86400 s must be ignored, so {@link #decode} gives empty for them.
 */
public final class SolMaxRtOption {

    public static final int CODE = OptionCode.SOL_MAX_RT;
    private static final long MIN = 60;
    private static final long MAX = 86_400;

    private SolMaxRtOption() {
    }

    public static Optional<Duration> decode(byte[] data) {
        if (data.length != 4) {
            throw new Dhcp6ParseException("SOL_MAX_RT option: length must be 4, got " + data.length);
        }
        long v = new WireReader(data, "SOL_MAX_RT option").u32("SOL_MAX_RT value");
        return v < MIN || v > MAX ? Optional.empty() : Optional.of(Duration.ofSeconds(v));
    }

    public static byte[] encode(Duration value) {
        return ByteBuffer.allocate(4).putInt((int) value.toSeconds()).array();
    }
}
