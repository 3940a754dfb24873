package io.mosnet.rdnss;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads router advertisements out of a classic pcap file of Ethernet frames, as {@code tcpdump -w} writes it. */
final class Pcap {

    /** One captured router advertisement: when it arrived, who sent it, and its ND options. */
    record Advertisement(Instant at, InetAddress source, byte[] options) {
    }

    private Pcap() {
    }

    /** The complete RAs in {@code file}; a record that tcpdump is still writing is left out. */
    static List<Advertisement> advertisements(byte[] file) {
        List<Advertisement> out = new ArrayList<>();
        if (file.length < 24) {
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic == 0xd4c3b2a1) {
            b.order(ByteOrder.BIG_ENDIAN);
        } else if (magic != 0xa1b2c3d4) {
            throw new IllegalArgumentException("not a microsecond pcap file: magic " + Integer.toHexString(magic));
        }
        if (b.getInt(20) != 1) {
            throw new IllegalArgumentException("pcap link type " + b.getInt(20) + " is not Ethernet");
        }
        int p = 24;
        while (p + 16 <= file.length) {
            long seconds = Integer.toUnsignedLong(b.getInt(p));
            long micros = Integer.toUnsignedLong(b.getInt(p + 4));
            int captured = b.getInt(p + 8);
            if (captured < 0 || p + 16 + captured > file.length) {
                break;
            }
            byte[] frame = Arrays.copyOfRange(file, p + 16, p + 16 + captured);
            p += 16 + captured;
            Advertisement ra = advertisement(Instant.ofEpochSecond(seconds, micros * 1000), frame);
            if (ra != null) {
                out.add(ra);
            }
        }
        return out;
    }

    private static Advertisement advertisement(Instant at, byte[] frame) {
        // Ethernet (14) + IPv6 (40, next header ICMPv6 directly) + RA header (16), then the options.
        if (frame.length < 14 + 40 + 16 || (frame[12] & 0xff) != 0x86 || (frame[13] & 0xff) != 0xdd
                || (frame[14 + 6] & 0xff) != 58 || (frame[14 + 40] & 0xff) != 134) {
            return null;
        }
        try {
            InetAddress source = InetAddress.getByAddress(Arrays.copyOfRange(frame, 14 + 8, 14 + 24));
            return new Advertisement(at, source, Arrays.copyOfRange(frame, 14 + 40 + 16, frame.length));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 octets are an IPv6 address", e);
        }
    }
}
